"""Citizen search: the /search/ page with facets and the search box's suggestions."""

import logging
from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from cms import analysis

from .services import (
    MAX_CANDIDATES,
    PAGE_SIZE,
    Found,
    find_page_ids,
    highlight,
    page_facts,
    with_fallback,
)

logger = logging.getLogger(__name__)

SORTS = {"relevance": _("Relevance"), "newest": _("Newest first")}
#: Newest matches considered for the search box's suggestions.
SUGGESTION_CANDIDATES = 50
FACETS = ("type", "act_type", "issuer", "year", "month", "commission")


def _int_param(request, name):
    value = request.GET.get(name, "")
    return int(value) if value.isdigit() and len(value) < 10 else None


def _selected_filters(request):
    """Facet values chosen in the query string; anything invalid is ignored, never an error."""
    chosen = {}
    for name in ("type", "issuer", "year", "month", "commission"):
        value = _int_param(request, name)
        if value is not None:
            chosen[name] = value
    act_type = request.GET.get("act_type", "")
    if act_type.isidentifier() and len(act_type) <= 32:
        chosen["act_type"] = act_type
    return chosen


def _value(fact, name):
    if name == "type":
        return fact.content_type
    if name == "year":
        return fact.date.year if fact.date else None
    if name == "month":
        return fact.date.month if fact.date else None
    return getattr(fact, name) or None


def _facet_labels(name, values):
    from pages.models import ActType, Issuer

    if name == "type":
        types = {pk: ContentType.objects.get_for_id(pk) for pk in values}  # cached by Django
        return {
            pk: ct.model_class()._meta.verbose_name if ct.model_class() else ct.model
            for pk, ct in types.items()
        }
    if name == "act_type":
        return {value: ActType(value).label for value in values if value in ActType.values}
    if name == "issuer":
        return dict(Issuer.objects.filter(pk__in=values).values_list("pk", "name"))
    if name == "commission":
        return dict(Page.objects.filter(pk__in=values).values_list("pk", "title"))
    if name == "month":
        return {value: MONTHS[value] for value in values if value in MONTHS}
    return {value: str(value) for value in values}


def search_view(request):
    """GET /search/?q=…&type=…&act_type=…&issuer=…&year=…&month=…&commission=…&sort=…&page=…"""
    query = analysis.clean_query(request.GET.get("q", ""))
    sort = request.GET.get("sort") if request.GET.get("sort") in SORTS else "relevance"
    chosen = _selected_filters(request)
    ids, fallback, partial = find_page_ids(query) if query else Found([])
    facts = page_facts(ids)
    matching = [pk for pk in ids if pk in facts and all(_value(facts[pk], n) == v for n, v in chosen.items())]
    if sort == "newest":
        matching.sort(key=lambda pk: (facts[pk].date is not None, facts[pk].date), reverse=True)

    facets = []
    for name in FACETS:
        counts = Counter(v for pk in matching if (v := _value(facts[pk], name)) is not None)
        if not counts:
            continue
        labels = _facet_labels(name, counts)
        facets.append(
            {
                "name": name,
                "values": [
                    {"value": v, "label": labels.get(v, v), "count": c, "selected": chosen.get(name) == v}
                    for v, c in sorted(counts.items(), key=lambda item: (-item[1], str(item[0])))
                ],
            }
        )

    paginator = Paginator(matching, PAGE_SIZE)
    try:
        page_obj = paginator.page(request.GET.get("page", 1))
    except (PageNotAnInteger, EmptyPage):
        page_obj = paginator.page(1)
    pages = {p.pk: p for p in Page.objects.filter(pk__in=list(page_obj.object_list)).specific()}
    terms = analysis.query_terms(query)
    results = []
    for pk in page_obj.object_list:
        page = pages.get(pk)
        if page is None:
            continue
        texts = page.search_texts()[1:] if hasattr(page, "search_texts") else []
        text = " ".join(t for t in texts if t)
        results.append({"page": page, "snippet": highlight(text, terms), "date": facts[pk].date})

    suggestions = []
    if query and not matching:
        suggestions = _suggest_titles(query)
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "results": results,
            "page_obj": page_obj,
            "total": len(matching),
            "capped": len(ids) >= MAX_CANDIDATES,
            "facets": facets,
            "chosen": chosen,
            "sort": sort,
            "sorts": SORTS,
            "fallback": fallback,
            "partial": partial,
            "suggestions": suggestions,
            "querystring": params.urlencode(),
        },
    )


def _suggest_titles(query, limit=8):
    """Titles of live pages with words starting like the query's: the default backend's autocomplete,
    the database's when the search server fails.

    Ranking every match by relevance costs the database backend seconds at 20,000 pages, so the
    newest matches are taken unranked and those whose title starts with the query come first.
    Stop-words are dropped, except the word being typed.
    """
    words = analysis.words(query)[:5]
    words = [w for w in words[:-1] if w.lower() not in analysis.STOP_WORDS] + words[-1:]
    if not words:
        return []
    pages = Page.objects.live().public().order_by("-id")  # newest first, along the primary key

    def newest_matches(backend):
        matches = backend.autocomplete(" ".join(words), pages, order_by_relevance=False)
        return list(matches[:SUGGESTION_CANDIDATES])

    try:
        results, _fallback = with_fallback(newest_matches)
    except Exception as exc:  # noqa: BLE001 - a suggestion is never worth an error page
        logger.warning("Suggestions failed: %r", exc)
        return []
    start = query.strip().lower()
    results.sort(key=lambda page: not page.title.lower().startswith(start))  # stable: newest first
    return [{"title": page.title, "url": page.url} for page in results[:limit]]


def suggest_view(request):
    """GET /search/suggest/?q=… → {"suggestions": [{"title", "url"}, …]} for the search box."""
    query = analysis.clean_query(request.GET.get("q", ""))[:100]
    return JsonResponse({"suggestions": _suggest_titles(query) if len(query) >= 2 else []})
