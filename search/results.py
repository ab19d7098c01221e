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


def _without(chosen, name) -> dict:
    return {key: value for key, value in chosen.items() if key != name}


def linked_facets(facet_list, *, query, sort, chosen) -> list[dict]:
    """The facets, each value with the query string its link leads to: the value chosen in place of
    the facet's current one, or, for the chosen value, the facet removed (the other facets stay)."""
    for facet in facet_list:
        name = facet["name"]
        for item in facet["values"]:
            wanted = _without(chosen, name) if item["selected"] else {**chosen, name: item["value"]}
            item["querystring"] = _querystring(query, sort, wanted)
    return facet_list


def active_filters(*, query, sort, chosen) -> list[dict]:
    """The filters chosen, in the facets' order, each with its heading, its value's label and the query
    string of the same search without it alone."""
    out = []
    for name in facets.FACETS:
        if name not in chosen:
            continue
        value = chosen[name]
        out.append(
            {
                "name": name,
                "heading": facets.HEADINGS[name],
                "label": facets.labels(name, [value]).get(value, str(value)),
                "querystring": _querystring(query, sort, _without(chosen, name)),
            }
        )
    return out


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
        "facets": linked_facets(
            facets.facets(matching, facts, chosen), query=query, sort=sort, chosen=chosen
        ),
        "chosen": chosen,
        "active_filters": active_filters(query=query, sort=sort, chosen=chosen),
        # The query finds pages, but none has every filter chosen: the visitor drops one.
        "filtered_out": bool(found.ids) and not matching,
        "notices": notices,
        "sort": sort,
        "sorts": SORTS,
        "fallback": found.fallback,
        "partial": found.partial,
        "other_results": other_results,
        "suggestions": suggest_titles(query) if query and not found.ids and not other_results else [],
        "querystring": _querystring(query, sort, chosen),
    }
