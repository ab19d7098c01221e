"""Sitemaps of views outside the page tree, on the Wagtail site's root URL like the tree's pages."""

from urllib.parse import urlsplit

from django.contrib import sitemaps
from django.utils.functional import cached_property
from wagtail.models import Site


class RootURLSitemap(sitemaps.Sitemap):
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
