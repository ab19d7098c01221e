"""Which pages a query finds, best first: act numbers pinned, the configured backend, the database
as a fallback, and pages holding some of the words when none holds them all.

How pages are weighed is the backends' business: the site's postings (``search.postings``) on the
database, the mapping's boosts (``search.backends``) on Elasticsearch; both give an act's type and
number the weight of its title (``search.requisites``).
"""

import logging
import re
import typing

from django.conf import settings
from django.db.models import Q
from wagtail.models import Page, PageViewRestriction
from wagtail.search.backends import get_search_backend

from cms import analysis
from pages.models import ActPage, CommissionDocumentPage

from . import postings
from .query import build_query, query_units
from .resilience import BreakerOpen
from .sql import pk_in

logger = logging.getLogger(__name__)

#: Relevance-ordered candidates considered for facets and pages (bounded cost on frequent words).
MAX_CANDIDATES = 500
#: Page types whose number a query can name exactly.
NUMBERED_MODELS = (ActPage, CommissionDocumentPage)


class Found(typing.NamedTuple):
    """What a search found: page ids best first, and how."""

    ids: list[int]
    #: The database answered because the search server failed.
    fallback: bool = False
    #: No page holds every word of the query; these hold some of them.
    partial: bool = False


def database_backend_alias():
    """The alias of the database search backend (the fallback when Elasticsearch is down)."""
    backends = settings.WAGTAILSEARCH_BACKENDS
    return "database" if "database" in backends else "default"


def _run(backend, query, queryset, limit):
    """Ids of matching pages of ``queryset`` (None: every live public page), best first.

    Where the backend keeps the site's postings (``search.backends.database``) they answer; they
    exist for live pages only, so the site's own search reads them unfiltered and drops the rare
    private page afterwards, while a narrower queryset (the API's) filters in SQL. Elasticsearch
    ranks by itself.
    """
    if getattr(backend, "keeps_postings", False):
        ids = postings.find(query, limit=limit, within=queryset)
        if queryset is None and not PageViewRestriction.objects.exists():
            return ids
        within = queryset if queryset is not None else Page.objects.live().public()
        allowed = set(within.filter(pk__in=pk_in(ids)).values_list("pk", flat=True))
        return [pk for pk in ids if pk in allowed]
    within = queryset if queryset is not None else Page.objects.live().public()
    return [page.pk for page in backend.search(query, within)[:limit]]


def find_page_ids(raw: str, *, queryset=None, limit: int = MAX_CANDIDATES) -> Found:
    """Ids of live pages matching a query, best first.

    Pages whose act number equals the query («4-49/2018», «№ 312») come first. If the default
    backend fails or its circuit breaker is open, the database backend answers instead. If no page
    holds every word, pages holding any of them are found instead (``partial``): a citizen who types
    «тарифи Ніжинводоканалу» should still find the page that says «тарифна сітка … Ніжинводоканал».
    A quoted phrase stays whole there: it is one of the parts, never its words apart.
    """
    pinned = exact_number_matches(raw)
    query = build_query(raw)
    if query is None:
        return Found(pinned)
    ids, fallback = with_fallback(lambda backend: _run(backend, query, queryset, limit))
    partial = False
    if not ids and not pinned and query_units(raw) > 1:
        relaxed = build_query(raw, match_all=False)
        ids, relaxed_fallback = with_fallback(lambda backend: _run(backend, relaxed, queryset, limit))
        fallback, partial = fallback or relaxed_fallback, bool(ids)
    seen = set(pinned)
    return Found(pinned + [pk for pk in ids if pk not in seen], fallback, partial)


def with_fallback(call):
    """``call(backend)`` on the default search backend, or on the database backend if the default one
    fails or its circuit breaker is open; returns the result and whether the database answered."""
    backend = get_search_backend("default")
    try:
        if hasattr(backend, "raise_if_unavailable"):
            backend.raise_if_unavailable()
        return call(backend), False
    except Exception as exc:  # noqa: BLE001 - any transport error of the search server
        logger.warning("Search backend failed, answering from the database: %r", exc)
        breaker = getattr(backend, "breaker", None)
        if breaker is not None and not isinstance(exc, BreakerOpen):
            breaker.record_failure()
        return call(get_search_backend(database_backend_alias())), True


def exact_number_matches(raw: str) -> list[int]:
    """Ids of live acts and commission documents whose number is exactly the query."""
    if not analysis.looks_like_number(raw):
        return []
    wanted = analysis.number_token(raw)
    # Narrow in SQL by every group of digits («2-7/2021»: 2021, 7 and 2), compare whole numbers in Python.
    digits = Q()
    for group in sorted(set(re.findall(r"\d+", raw)), key=len, reverse=True):
        digits &= Q(number__contains=group)
    ids = []
    for model in NUMBERED_MODELS:
        candidates = model.objects.live().filter(digits).values_list("pk", "number")
        ids += [pk for pk, number in candidates if analysis.number_token(number) == wanted]
    return ids
