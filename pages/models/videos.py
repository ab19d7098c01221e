import re
from urllib.parse import parse_qs, urlparse

from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from cms.behaviours import PublicationDated

from .base import BasePage

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
YOUTUBE_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "m.youtube.com",
    "music.youtube.com",
    "youtube-nocookie.com",
    "www.youtube-nocookie.com",
}


def parse_youtube_id(url: str) -> str | None:
    """The 11-character video ID of a YouTube URL, or None if the URL is not a YouTube video.

    Parsed locally so that a YouTube video renders without any request to YouTube's oEmbed.
    """
    try:
        parsed = urlparse(url.strip())
    except ValueError:
        return None
    host = (parsed.hostname or "").lower()
    candidate = None
    if host in {"youtu.be", "www.youtu.be"}:
        candidate = parsed.path.lstrip("/").split("/")[0]
    elif host in YOUTUBE_HOSTS:
        if parsed.path == "/watch":
            candidate = parse_qs(parsed.query).get("v", [None])[0]
        else:
            parts = parsed.path.strip("/").split("/")
            if len(parts) >= 2 and parts[0] in {"embed", "shorts", "live", "v"}:
                candidate = parts[1]
    if candidate and YOUTUBE_ID.match(candidate):
        return candidate
    return None


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
        from pages.selectors import images_with_list_renditions, paginate

        context = super().get_context(request, *args, **kwargs)
        messages = []
        videos = (
            VideoPage.objects.live()
            .child_of(self)
            .prefetch_related(Prefetch("thumbnail", queryset=images_with_list_renditions()))
            .order_by("-date", "-pk")
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

    @property
    def youtube_embed_url(self):
        video_id = self.youtube_id
        return f"https://www.youtube-nocookie.com/embed/{video_id}" if video_id else None

    @property
    def youtube_thumbnail_url(self):
        video_id = self.youtube_id
        return f"https://i.ytimg.com/vi/{video_id}/hqdefault.jpg" if video_id else None
