"""Old addresses still redirect when a link decorated them with tracking parameters or wrote them in
other capitals.

The legacy import keeps each old URL as a Wagtail redirect, query string included
(``/news.php?id=5``: the old site told its items apart by it). A link shared on social networks or
sent in a newsletter comes back as ``/news.php?id=5&fbclid=…`` or ``…&utm_source=…``: Wagtail's
middleware looks the whole address up, then the path alone (``/news.php``), and finds neither, so the
citizen met a 404. Here the tracking parameters are dropped and the address looked up once more;
the parameters that tell the items apart are kept.

Old links also differ from the stored address by capitals only (``/News.php?id=5``,
``/DOCS/Rishennya-12.html``): people retype them, and old pages linked them as they pleased. Still a 404,
the address (without its tracking parameters) is looked up once more ignoring case, path and query
alike: the exact address was tried first, so an exact match always wins; the values in the old
addresses are ids (digits) and words where other capitals name the same item. The site's own redirect
comes before the all-sites one, and the whole address before the path alone, as in Wagtail's lookup;
when two stored redirects differ only by case, there is no telling which the visitor meant, and a wrong
decision would be worse than the 404 (which offers search): none is chosen.
"""

from urllib.parse import parse_qsl, urlencode, urlparse, urlsplit

from django import http
from django.db.models import Q
from django.utils.encoding import uri_to_iri
from wagtail.contrib.redirects import middleware as wagtail_redirects
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

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


def redirect_ignoring_case(request, full_path: str) -> Redirect | None:
    """The one redirect of the request's site stored for ``full_path`` in other capitals, or None.

    One query. The whole address comes before its path alone, and in each the site's own redirect
    before the all-sites one; two candidates in the first of these that has any (they differ only by
    case) are ambiguous and give None. Query parameters are compared in the order their lowercase forms
    sort in: a stored address whose parameters' capitals sort otherwise (``?B=1&a=2``) is not found.
    """
    # Lowercased first so that ``?ID=5&cat=2`` sorts as the stored ``?cat=2&id=5`` does.
    full = Redirect.normalise_path(full_path.lower(), decode_unicode=False)
    levels = [full]
    if urlparse(full).path != full:
        levels.append(urlparse(full).path)
    # As Wagtail's lookup: the decoded form (stored for Cyrillic addresses), and the encoded one.
    forms = {level: {level, uri_to_iri(level).lower()} for level in levels}
    wanted = set().union(*forms.values())
    if any("\0" in form for form in wanted):  # PostgreSQL refuses null characters (Wagtail's #4496)
        return None
    matches = Q()
    for form in sorted(wanted):
        matches |= Q(old_path__iexact=form)
    site = Site.find_for_request(request)
    found = list(Redirect.get_for_site(site).filter(matches))
    for level in levels:
        at_level = [redirect for redirect in found if redirect.old_path.lower() in forms[level]]
        for scope in (
            [r for r in at_level if r.site_id is not None],
            [r for r in at_level if r.site_id is None],
        ):
            if len(scope) > 1:
                return None
            if scope:
                return scope[0]
    return None


class RedirectMiddleware(wagtail_redirects.RedirectMiddleware):
    """Wagtail's redirects, then (still a 404) the same address without its tracking parameters, then
    the address in other capitals."""

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if response.status_code != 404:
            return response
        full_path = request.get_full_path()
        stripped = without_tracking(full_path)
        redirect = None
        if stripped is not None:
            path = Redirect.normalise_path(stripped, decode_unicode=False)
            redirect = wagtail_redirects.get_redirect(request, path)
        if redirect is None:
            redirect = redirect_ignoring_case(request, stripped or full_path)
        if redirect is None or redirect.link is None:
            return response
        if redirect.is_permanent:
            return http.HttpResponsePermanentRedirect(redirect.link)
        return http.HttpResponseRedirect(redirect.link)
