"""Selectors for citizen search: run a query on the configured backend, with a database fallback,
and describe the candidates (facets, snippets) for the page and the API."""

import dataclasses
import datetime
import json
import logging
import re
import typing
from collections import defaultdict

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from cms import analysis

from . import postings
from .query import build_query
from .resilience import BreakerOpen

logger = logging.getLogger(__name__)

#: Relevance-ordered candidates considered for facets and pages (bounded cost on frequent words).
MAX_CANDIDATES = 500
PAGE_SIZE = 10


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
    from wagtail.models import PageViewRestriction

    if getattr(backend, "keeps_postings", False):
        ids = postings.find(query, limit=limit, within=queryset)
        if queryset is None and not PageViewRestriction.objects.exists():
            return ids
        within = queryset if queryset is not None else Page.objects.live().public()
        allowed = set(within.filter(pk__in=_pk_in(ids)).values_list("pk", flat=True))
        return [pk for pk in ids if pk in allowed]
    within = queryset if queryset is not None else Page.objects.live().public()
    return [page.pk for page in backend.search(query, within)[:limit]]


class Found(typing.NamedTuple):
    """What a search found: page ids best first, and how."""

    ids: list[int]
    #: The database answered because the search server failed.
    fallback: bool = False
    #: No page holds every word of the query; these hold some of them.
    partial: bool = False


def find_page_ids(raw: str, *, queryset=None, limit: int = MAX_CANDIDATES) -> Found:
    """Ids of live pages matching a query, best first.

    Pages whose act number equals the query («4-49/2018», «№ 312») come first. If the default
    backend fails or its circuit breaker is open, the database backend answers instead. If no page
    holds every word, pages holding any of them are found instead (``partial``): a citizen who types
    «тарифи Ніжинводоканалу» should still find the page that says «тарифна сітка … Ніжинводоканал».
    """
    pinned = exact_number_matches(raw)
    query = build_query(raw)
    if query is None:
        return Found(pinned)
    ids, fallback = with_fallback(lambda backend: _run(backend, query, queryset, limit))
    partial = False
    if not ids and not pinned and len(analysis.query_term_groups(raw)) > 1:
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
    for model_label in ("pages.ActPage", "pages.CommissionDocumentPage"):
        candidates = apps.get_model(model_label).objects.live().filter(digits).values_list("pk", "number")
        ids += [pk for pk, number in candidates if analysis.number_token(number) == wanted]
    return ids


@dataclasses.dataclass
class PageFacts:
    """What the facets need to know about one candidate page."""

    content_type: int
    date: datetime.date | None = None
    act_type: str = ""
    issuer: int | None = None
    commission: int | None = None


def _pk_in(ids):
    """A ``pk__in`` value for up to MAX_CANDIDATES ids, passed as one parameter (an array on
    PostgreSQL, a JSON list on SQLite): compiling and quoting hundreds of separate parameters costs
    the ORM and psycopg more than the query itself."""
    ids = list(ids)
    if len(ids) > 50:
        if connection.vendor == "postgresql":
            return RawSQL("SELECT unnest(%s::integer[])", (ids,))
        if connection.vendor == "sqlite":
            return RawSQL("SELECT value FROM json_each(%s)", (json.dumps(ids),))
    return ids


def page_facts(ids):
    """PageFacts for each id, in a query per page type present among them (and one for commissions)."""
    from cms.behaviours import PublicationDated

    content_types = dict(Page.objects.filter(pk__in=_pk_in(ids)).order_by().values_list("pk", "content_type"))
    facts = {pk: PageFacts(content_type=ct) for pk, ct in content_types.items()}
    by_model = defaultdict(list)
    for pk, ct in content_types.items():
        by_model[ContentType.objects.get_for_id(ct).model_class()].append(pk)
    for model, pks in by_model.items():
        if model is None or not issubclass(model, PublicationDated):
            continue
        names = {f.name for f in model._meta.get_fields()}
        is_act = "act_type" in names
        columns = ("pk", "date", "act_type", "issuer") if is_act else ("pk", "date")
        for row in model.objects.filter(pk__in=_pk_in(pks)).order_by().values_list(*columns):
            fact = facts[row[0]]
            fact.date = row[1]
            if is_act:
                fact.act_type, fact.issuer = row[2] or "", row[3]
    commission_documents = by_model.get(apps.get_model("pages.CommissionDocumentPage"))
    if commission_documents:
        paths = dict(Page.objects.filter(pk__in=commission_documents).values_list("pk", "path"))
        parent_ids = dict(
            Page.objects.filter(path__in={p[: -Page.steplen] for p in paths.values()}).values_list(
                "path", "pk"
            )
        )
        for pk, path in paths.items():
            facts[pk].commission = parent_ids.get(path[: -Page.steplen])
    return facts


def highlight(text: str, terms, *, width: int = 240) -> str:
    """An escaped snippet of ``text`` around the first word whose lemma is a query term, matches marked."""
    wanted = set(terms)
    words = list(re.finditer(r"[^\W\d_]+(?:['’ʼ-][^\W\d_]+)*|\d+", text))

    def matches(word):
        return bool(wanted.intersection(analysis.lemma_variants(analysis.normalize(word).lower())))

    first = next((w for w in words if matches(w.group())), None)
    if first is None:
        return escape(text[:width]) + ("…" if len(text) > width else "")
    start = max(0, first.start() - width // 3)
    end = min(len(text), start + width)
    out, pos = [], start
    for w in words:
        if w.start() < start or w.end() > end:
            continue
        if matches(w.group()):
            out.append(escape(text[pos : w.start()]))
            out.append(f"<mark>{escape(w.group())}</mark>")
            pos = w.end()
    out.append(escape(text[pos:end]))
    return mark_safe(("…" if start else "") + "".join(out) + ("…" if end < len(text) else ""))
