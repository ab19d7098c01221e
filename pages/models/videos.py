from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from cms.behaviours import PublicationDated
from cms.embeds import parse_youtube_id
from cms.pagination import paginate
from pages.selectors import with_list_images

from .base import BasePage


class VideoIndexPage(BasePage):
    """Clips of the municipal TV channel."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.VideoPage"]

    class Meta:
        verbose_name = _("video index")
        verbose_name_plural = _("video indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        messages = []
        videos = with_list_images(VideoPage.objects.live().public().child_of(self), "thumbnail").order_by(
            "-date", "-pk"
        )
        context["videos"] = paginate(videos, request.GET.get("page"), messages, per_page=12)
        context["messages_list"] = messages
        return context


class VideoPage(PublicationDated, BasePage):
    """A video clip: a YouTube link (privacy-enhanced embed) or any other oEmbed provider."""

    video_url = models.URLField(
        _("video URL"),
        max_length=500,
        help_text=_("A YouTube link or a link to another video service that supports oEmbed."),
    )
    description = models.TextField(_("description"), blank=True)
    thumbnail = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("thumbnail"),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("video_url"),
        *PublicationDated.panels,
        FieldPanel("description"),
        FieldPanel("thumbnail"),
    ]
    search_fields = (
        BasePage.search_fields + PublicationDated.search_fields + [index.SearchField("description")]
    )

    parent_page_types = ["pages.VideoIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("video")
        verbose_name_plural = _("videos")

    @property
    def youtube_id(self):
        return parse_youtube_id(self.video_url)
