"""The council's pages in ``sitemap.xml``, beside Wagtail's: the deputies, the meetings and their lists.

They are Django views, not pages of the tree, so Wagtail's sitemap does not know them; a citizen who
searches the web for a deputy's name should find his or her page. The sitemap is purged with the
council's other cached pages (``PAGE_CACHE_SECTIONS["council"]`` lists its path).
"""

from urllib.parse import urlsplit

from django.contrib import sitemaps
from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.models import Site

from .links import deputy_url, meeting_url
from .models import Deputy, Meeting


class Sitemap(sitemaps.Sitemap):
    """Addresses on the default Wagtail site's root URL, as the tree's pages in the same file have theirs
    (Django's would take the request's host)."""

    @cached_property
    def root(self):
        """The default site's root URL, split; read once per request (the view makes each sitemap anew)."""
        site = Site.objects.filter(is_default_site=True).first()
        return urlsplit(site.root_url) if site else None

    def get_protocol(self, protocol=None):
        return self.root.scheme if self.root else super().get_protocol(protocol)

    def get_domain(self, site=None):
        return self.root.netloc if self.root else super().get_domain(site)


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
