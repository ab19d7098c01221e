from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from cms.menus import site_top_pages
from pages.selectors import home_blocks

from .acts import ActIndexPage, ActPage
from .base import BasePage
from .news import NewsIndexPage, NewsPage
from .videos import VideoIndexPage, VideoPage


class HomePage(BasePage):
    """The home page: latest news, acts and videos, and the citizens' platforms."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "pages.NewsIndexPage",
        "pages.ActIndexPage",
        "pages.CommissionIndexPage",
        "pages.VideoIndexPage",
        "pages.StandardPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            home_blocks(
                home=self,
                children=site_top_pages(self, request),
                news=NewsPage,
                acts=ActPage,
                videos=VideoPage,
                indexes={
                    "news_index": NewsIndexPage,
                    "act_index": ActIndexPage,
                    "video_index": VideoIndexPage,
                },
            )
        )
        return context
