"""The open data page in ``sitemap.xml``: a citizen who searches the web for the council's data finds it.

Only the page for people (``/opendata/``) is listed. Each dataset is a section of that page (an anchor,
which a sitemap cannot tell apart from the page), and its files (CSV, JSON, schema) and ``index.json``
are not pages: a search result should not open a download, a full export costs the server about a second
per 50,000 rows for every crawler that fetches it, and programs find them all from ``index.json``, which
the page links.

The entry's ``lastmod`` is the latest change of any dataset, as the page shows it. Each change already
purges the cached sitemap: a page published, unpublished or deleted (acts, commission documents, video,
and a comment moderated, which purges its draft) purges it with the page; the council's records and the
registry's organisations purge the ``council`` section, whose prefixes list ``/sitemap.xml``
(``PAGE_CACHE_SECTIONS``). Only the day a discussion ends (no record is saved then) waits for the
cache's expiry.
"""

from django.urls import reverse

from cms.sitemaps import RootURLSitemap

from .opendata import DATASETS, latest_of


class OpenDataSitemap(RootURLSitemap):
    changefreq = "daily"

    def items(self):
        return ["opendata:index"]

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        return latest_of(*(dataset.updated() for dataset in DATASETS.values()))


SITEMAPS = {"opendata": OpenDataSitemap}
