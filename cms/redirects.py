"""Old addresses that a visitor's link decorated with tracking parameters still redirect.

The legacy import keeps each old URL as a Wagtail redirect, query string included
(``/news.php?id=5``: the old site told its items apart by it). A link shared on social networks or
sent in a newsletter comes back as ``/news.php?id=5&fbclid=…`` or ``…&utm_source=…``: Wagtail's
middleware looks the whole address up, then the path alone (``/news.php``), and finds neither, so the
citizen met a 404. Here the tracking parameters are dropped and the address looked up once more;
the parameters that tell the items apart are kept.
"""

from urllib.parse import parse_qsl, urlencode, urlsplit

from django import http
from wagtail.contrib.redirects import middleware as wagtail_redirects
from wagtail.contrib.redirects.models import Redirect

#: Parameters that say where a visitor came from, never what he asked for.
TRACKING_PREFIXES = ("utm_",)
TRACKING_PARAMETERS = frozenset(
    {"fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "_ga"}
)


def is_tracking(name: str) -> bool:
    name = name.lower()
    return name in TRACKING_PARAMETERS or name.startswith(TRACKING_PREFIXES)


def without_tracking(full_path: str) -> str | None:
    """``full_path`` without its tracking parameters, or None when it has none."""
    parts = urlsplit(full_path)
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(name, value) for name, value in pairs if not is_tracking(name)]
    if len(kept) == len(pairs):
        return None
    return f"{parts.path}?{urlencode(kept)}" if kept else parts.path


class RedirectMiddleware(wagtail_redirects.RedirectMiddleware):
    """Wagtail's redirects, then (still a 404) the same address without its tracking parameters."""

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if response.status_code != 404:
            return response
        stripped = without_tracking(request.get_full_path())
        if stripped is None:
            return response
        path = Redirect.normalise_path(stripped, decode_unicode=False)
        redirect = wagtail_redirects.get_redirect(request, path)
        if redirect is None or redirect.link is None:
            return response
        if redirect.is_permanent:
            return http.HttpResponsePermanentRedirect(redirect.link)
        return http.HttpResponseRedirect(redirect.link)
