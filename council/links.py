"""Links to the council's public pages: a deputy's and a meeting's URL, reversed once and kept.

A roll-call table links every deputy, a deputy's record every meeting, the open data every row: one
``reverse`` each (~20 µs, and a failed one ~130 µs) adds up to milliseconds a page. The URL depends
only on the inputs of ``reverse`` — the script prefix, the URLconf, the route and its argument — so it
is kept in a bounded cache keyed on all four: a site under another prefix, or a request with its own
URLconf, gets its own entries. Where the URLconf has no such route (a project without the council's
public pages), the URL is ``""`` and the caller shows the name without a link.
"""

import functools

from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse

DEPUTY_PAGE = "council:deputy_detail"
MEETING_PAGE = "council:meeting_detail"


@functools.lru_cache(maxsize=4096)
def _reverse(prefix: str, urlconf: str, route: str, argument) -> str:
    try:
        return reverse(route, args=[argument], urlconf=urlconf)
    except NoReverseMatch:
        return ""


def _url(route: str, argument) -> str:
    return _reverse(get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF, route, argument)


def deputy_url(slug: str) -> str:
    """The public page of the deputy whose slug is ``slug``; '' where the site has none."""
    return _url(DEPUTY_PAGE, slug)


def meeting_url(pk: int) -> str:
    """The public page of the meeting ``pk``; '' where the site has none."""
    return _url(MEETING_PAGE, pk)
