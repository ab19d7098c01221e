"""The council's pages in ``sitemap.xml``, beside Wagtail's: the deputies, the meetings and their lists.

They are Django views, not pages of the tree, so Wagtail's sitemap does not know them; a citizen who
searches the web for a deputy's name should find his or her page. The sitemap is purged with the
council's other cached pages (``PAGE_CACHE_SECTIONS["council"]`` lists its path).
"""

from django.urls import reverse

from cms.sitemaps import RootURLSitemap as Sitemap

from .links import deputy_url, meeting_url
from .models import Deputy, Meeting


class CouncilListsSitemap(Sitemap):
    """The lists of deputies and of meetings (the calendar's archive)."""

    changefreq = "weekly"

    def items(self):
        return ["council:deputy_list", "council:meeting_list"]

    def location(self, item):
        return reverse(item)


class DeputySitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Deputy.objects.order_by("pk").only("slug", "updated_at")

    def location(self, item):
        return deputy_url(item.slug)

    def lastmod(self, item):
        return item.updated_at


class MeetingSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Meeting.objects.order_by("pk").only("pk", "updated_at")

    def location(self, item):
        return meeting_url(item.pk)

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {"council-lists": CouncilListsSitemap, "deputies": DeputySitemap, "meetings": MeetingSitemap}
