from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from cms.behaviours import HasAttachments, HasRelatedPages, PublicationDated
from cms.blocks import BodyBlock
from cms.choices import fast_choice_displays
from pages.feeds import NewsAtomFeed, NewsRssFeed
from pages.selectors import news_listing, news_tags, page_tags

from .base import BasePage
from .kinds import NewsKind


class NewsIndexPage(RoutablePageMixin, BasePage):
    """The news archive: filterable by kind, tag and month, with RSS and Atom feeds."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.NewsPage"]

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def news(self):
        """The live news of this index that anyone may read (not behind a login, a group or a password)."""
        return NewsPage.objects.live().public().child_of(self)

    @path("")
    def news_list(self, request):
        news = self.news()
        return self.render(
            request,
            context_overrides={
                "listing": news_listing(news=news, params=request.GET),
                "kinds": NewsKind.choices,
                "tags": news_tags(news=news),
            },
        )

    @path("rss/", name="rss")
    def rss_feed(self, request):
        return NewsRssFeed(self, self.news())(request)

    @path("atom/", name="atom")
    def atom_feed(self, request):
        return NewsAtomFeed(self, self.news())(request)

    def feed_links(self, request=None):
        """(type, title, url) of the feeds, for ``<link rel="alternate">`` in the head."""
        url = self.get_url(request)
        return [
            ("application/rss+xml", _("News (RSS)"), url + self.reverse_subpage("rss")),
            ("application/atom+xml", _("News (Atom)"), url + self.reverse_subpage("atom")),
        ]


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("pages.NewsPage", on_delete=models.CASCADE, related_name="tagged_items")


@fast_choice_displays
class NewsPage(PublicationDated, HasAttachments, HasRelatedPages, BasePage):
    """A news item, announcement, greeting or article."""

    kind = models.CharField(
        _("kind"), max_length=16, choices=NewsKind.choices, default=NewsKind.NEWS, db_index=True
    )
    lead = models.TextField(
        _("lead"), blank=True, help_text=_("One or two sentences shown in lists and feeds.")
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    main_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("main image"),
    )
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("tags"))

    content_panels = (
        BasePage.content_panels
        + [
            MultiFieldPanel(
                [FieldPanel("kind"), *PublicationDated.panels, FieldPanel("tags")], heading=_("Metadata")
            ),
            FieldPanel("lead"),
            FieldPanel("main_image"),
            FieldPanel("body"),
        ]
        + HasAttachments.panels
        + HasRelatedPages.panels
    )
    search_fields = (
        BasePage.search_fields
        + PublicationDated.search_fields
        + [
            index.SearchField("lead"),
            index.SearchField("body"),
            index.FilterField("kind"),
            index.RelatedFields("tags", [index.SearchField("name")]),
        ]
    )

    parent_page_types = ["pages.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")

    def tag_list(self):
        """``tags.all()`` as a list (``pages.selectors.page_tags``)."""
        return page_tags(self)
