"""Selectors for citizen search: run a query on the configured backend, with a database fallback,
and describe the candidates (facets, snippets) for the page and the API."""

import dataclasses
import datetime
import logging
import re

from django.apps import apps
from django.conf import settings
from django.db import connection
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from . import analysis
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


def _is_database_backend(backend):
    return backend.__class__.__module__.startswith(("modelsearch.backends.database", "wagtail.search.backends.database"))


def _run(backend, query, queryset, limit, term_groups):
    """Ids of matching pages, best first.

    Elasticsearch ranks by itself. The database backends rank with BM25/ts_rank over every match,
    which takes most of a second on a word that occurs in thousands of pages; so there we take the
    newest ``limit`` matches unranked (cheap: the match is an index lookup) and rank those by how
    many query lemmas their title holds, newest first among equals.
    """
    search = getattr(backend, "search_or_raise", backend.search)
    if not _is_database_backend(backend):
        return [page.pk for page in search(query, queryset)[:limit]]
    if connection.vendor == "postgresql":
        candidates = _postgres_candidates(query, queryset, limit)
    else:
        candidates = [page.pk for page in search(query, queryset.order_by("-path"), order_by_relevance=False)[:limit]]
    candidates = _title_candidates(term_groups, queryset, backend) + candidates
    candidates = list(dict.fromkeys(candidates))
    wanted = {term for group in term_groups for term in group}
    titles = dict(Page.objects.filter(pk__in=candidates).values_list("pk", "title"))

    def title_hits(pk):
        return sum(1 for group in analysis.lemma_groups(titles.get(pk, "")) if wanted.intersection(group))

    position = {pk: i for i, pk in enumerate(candidates)}
    return sorted(candidates, key=lambda pk: (-title_hits(pk), position[pk]))


def find_page_ids(raw: str, *, queryset=None, limit: int = MAX_CANDIDATES):
    """Ids of live pages matching a query, best first, and whether the fallback answered.

    Pages whose act number equals the query («4-49/2018», «№ 312») come first. If the default
    backend fails or its circuit breaker is open, the database backend answers instead.
    """
    queryset = queryset if queryset is not None else Page.objects.live().public()
    pinned = exact_number_matches(raw)
    query = build_query(raw)
    if query is None:
        return pinned, False
    fallback = False
    terms = analysis.query_term_groups(raw)
    backend = get_search_backend("default")
    try:
        ids = _run(backend, query, queryset, limit, terms)
    except Exception as exc:  # noqa: BLE001 - any transport error of the search server
        logger.warning("Search backend failed, answering from the database: %r", exc)
        breaker = getattr(backend, "breaker", None)
        if breaker is not None and not isinstance(exc, BreakerOpen):
            breaker.record_failure()
        fallback = True
        ids = _run(get_search_backend(database_backend_alias()), query, queryset, limit, terms)
    seen = set(pinned)
    return pinned + [pk for pk in ids if pk not in seen], fallback


def _title_candidates(term_groups, queryset, backend, limit=50):
    """Pages whose title holds every query word in some inflected form (found through the index).

    The newest-first candidates miss a page whose words are all frequent; its title, though, is
    short, so a title match is rare and cheap to find. The title column is raw text, so each
    lemma is expanded to its dictionary forms.
    """
    from modelsearch.query import And, Or, PlainText

    groups = [g for g in term_groups if all(t.isalpha() for t in g)][:6]
    if not groups:
        return []

    def forms(group):
        return sorted({form for lemma_ in group for form in analysis.word_forms(lemma_)})

    if connection.vendor == "postgresql":
        from django.db.models.expressions import RawSQL

        tsquery = " & ".join("(" + " | ".join(forms(g)) + ")" for g in groups)
        matching = RawSQL(
            "SELECT e.object_id::integer FROM wagtailsearch_indexentry e "
            "WHERE e.title @@ to_tsquery('simple', %s)", (tsquery,))
        return list(queryset.filter(pk__in=matching).order_by("-path").values_list("pk", flat=True)[:limit])
    query = And([Or([PlainText(form) for form in forms(g)]) for g in groups])
    return [page.pk for page in backend.search(query, queryset.order_by("-path"), fields=["title"],
                                               order_by_relevance=False)[:limit]]


def _tsquery(query) -> str:
    """A tsquery text for our query objects (terms are word characters only: lemmas, number tokens)."""
    from modelsearch.query import And, Or, PlainText

    if isinstance(query, PlainText):
        words = [re.sub(r"\W", "", word) for word in query.query_string.split()]
        words = [word for word in words if word]
        joiner = " & " if query.operator.lower() == "and" else " | "
        return "(" + joiner.join(words) + ")" if words else ""
    if isinstance(query, (And, Or)):
        parts = [part for part in (_tsquery(sub) for sub in query.subqueries) if part]
        return "(" + (" & " if isinstance(query, And) else " | ").join(parts) + ")" if parts else ""
    raise TypeError(f"Unsupported query: {query!r}")


def _postgres_candidates(query, queryset, limit):
    """The newest ``limit`` live pages whose indexed body matches, through the body's GIN index.

    Wagtail's PostgreSQL backend matches ``title || body``, an expression no index covers, so every
    search reads every index entry (0.5 s at 20,000 pages). The lemmatised field is part of the
    body, so matching the body alone finds the same pages.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.db.models.expressions import RawSQL

    tsquery = _tsquery(query)
    if not tsquery:
        return []
    content_types = [ct.pk for ct in ContentType.objects.get_for_models(
        *[m for m in apps.get_models() if issubclass(m, Page)]).values()]
    matching = RawSQL(
        "SELECT e.object_id::integer FROM wagtailsearch_indexentry e "
        "WHERE e.content_type_id = ANY(%s) AND e.body @@ to_tsquery('simple', %s)",
        (content_types, tsquery),
    )
    return list(queryset.filter(pk__in=matching).order_by("-path").values_list("pk", flat=True)[:limit])


def exact_number_matches(raw: str) -> list[int]:
    """Ids of live acts and commission documents whose number is exactly the query."""
    if not analysis.looks_like_number(raw):
        return []
    wanted = analysis.number_token(raw)
    ids = []
    for model_label in ("pages.ActPage", "pages.CommissionDocumentPage"):
        model = apps.get_model(model_label)
        digits = re.findall(r"\d+", raw)
        candidates = model.objects.live().filter(number__contains=digits[0]) if digits else model.objects.none()
        ids += [pk for pk, number in candidates.values_list("pk", "number") if analysis.number_token(number) == wanted]
    return ids


@dataclasses.dataclass
class PageFacts:
    """What the facets need to know about one candidate page."""

    content_type: int
    date: datetime.date | None = None
    act_type: str = ""
    issuer: int | None = None
    commission: int | None = None


def page_facts(ids):
    """PageFacts for each id, in a few queries (one per page type that has a date)."""
    from cms.behaviours import PublicationDated

    facts = {pk: PageFacts(content_type=ct) for pk, ct in Page.objects.filter(pk__in=ids).values_list("pk",
                                                                                                       "content_type")}
    for model in apps.get_models():
        if not issubclass(model, PublicationDated) or not issubclass(model, Page):
            continue
        if model._meta.proxy or model._meta.abstract:
            continue
        fields = ["pk", "date"]
        names = {f.name for f in model._meta.get_fields()}
        if "act_type" in names:
            fields += ["act_type", "issuer"]
        rows = model.objects.filter(pk__in=ids).values_list(*fields, "path")
        for row in rows:
            fact = facts.get(row[0])
            if fact is None:
                continue
            fact.date = row[1]
            if "act_type" in names:
                fact.act_type, fact.issuer = row[2] or "", row[3]
    commission_model = apps.get_model("pages.CommissionDocumentPage")
    paths = dict(commission_model.objects.filter(pk__in=ids).values_list("pk", "path"))
    if paths:
        parent_ids = dict(Page.objects.filter(path__in={p[:-Page.steplen] for p in paths.values()})
                          .values_list("path", "pk"))
        for pk, path in paths.items():
            facts[pk].commission = parent_ids.get(path[:-Page.steplen])
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
            out.append(escape(text[pos:w.start()]))
            out.append(f"<mark>{escape(w.group())}</mark>")
            pos = w.end()
    out.append(escape(text[pos:end]))
    return mark_safe(("…" if start else "") + "".join(out) + ("…" if end < len(text) else ""))
