"""The search page's content for a query string: results, facets, snippets, notices.

Every parameter is parsed by ``cms.params`` (facets, sort) or ``cms.pagination`` (page): a value
that cannot be used is ignored and the visitor is told why; nothing a query string holds raises.
"""

from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page

from cms import analysis, params
from cms.pagination import paginate

from . import facets
from .ranking import MAX_CANDIDATES, Found, find_page_ids
from .snippets import snippet
from .sources import find_hits
from .suggestions import suggest_titles

PAGE_SIZE = 10
SORTS = {"relevance": gettext_lazy("Relevance"), "newest": gettext_lazy("Newest first")}
DEFAULT_SORT = "relevance"


def _sort(query_params, notices) -> str:
    try:
        return params.choice(query_params.get("sort"), name="sort", choices=SORTS) or DEFAULT_SORT
    except params.BadParameter as error:
        notices.append(_("%(problem)s The filter was ignored.") % {"problem": error})
        return DEFAULT_SORT


def result_items(ids, facts, terms) -> list[dict]:
    """The pages of ``ids`` in order, each with its date and snippet (one query per page type)."""
    pages = {p.pk: p for p in Page.objects.filter(pk__in=list(ids)).specific()}
    items = []
    for pk in ids:
        page = pages.get(pk)
        if page is None:
            continue
        texts = page.search_texts() if hasattr(page, "search_texts") else []
        issuer = getattr(page, "issuer", None)
        shown = (page.title, getattr(page, "number", ""), str(issuer) if issuer else "")
        items.append({"page": page, "snippet": snippet(texts, terms, skip=shown), "date": facts[pk].date})
    return items


def _querystring(query, sort, chosen) -> str:
    """The query string that keeps the query, the sort and the valid filters (for facet and page links)."""
    clean = QueryDict(mutable=True)
    clean["q"] = query
    clean["sort"] = sort
    for name, value in chosen.items():
        clean[name] = str(value)
    return clean.urlencode()


def search_page(query_params) -> dict:
    """The template context of ``/search/`` for a ``request.GET``."""
    query = analysis.clean_query(query_params.get("q", ""))
    chosen, notices = facets.chosen_filters(query_params)
    sort = _sort(query_params, notices)
    found = find_page_ids(query) if query else Found([])
    facts = facets.page_facts(found.ids)
    matching = [
        pk
        for pk in found.ids
        if pk in facts and all(facts[pk].value(name) == value for name, value in chosen.items())
    ]
    if sort == "newest":
        matching.sort(key=lambda pk: (facts[pk].date is not None, facts[pk].date), reverse=True)
    page_obj = paginate(matching, query_params.get("page"), notices if query else [], per_page=PAGE_SIZE)
    # Deputies, meetings and other registered records: above the first page of pages, unfiltered.
    other_results = find_hits(query) if query and page_obj.number == 1 and not chosen else []
    return {
        "query": query,
        "results": result_items(page_obj.object_list, facts, analysis.query_terms(query)),
        "page_obj": page_obj,
        "total": len(matching),
        "capped": len(found.ids) >= MAX_CANDIDATES,
        "facets": facets.facets(matching, facts, chosen),
        "chosen": chosen,
        "notices": notices,
        "sort": sort,
        "sorts": SORTS,
        "fallback": found.fallback,
        "partial": found.partial,
        "other_results": other_results,
        "suggestions": suggest_titles(query) if query and not matching and not other_results else [],
        "querystring": _querystring(query, sort, chosen),
    }
