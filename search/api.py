"""Wagtail API v2 with the same Ukrainian search as the /search/ page.

``/api/v2/pages/?search=рішенню`` is analysed by ``cms.analysis`` and answered by the same
backend (with the same database fallback) as the site's search page.
"""

from django.db.models import Case, IntegerField, When
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from cms import analysis, params

from .ranking import find_page_ids

#: Parameters Wagtail reads as integers (ids, slicing): a number past the database's integers is refused.
INTEGER_PARAMETERS = frozenset(
    {"limit", "offset", "id", "child_of", "descendant_of", "ancestor_of", "translation_of"}
)
MAX_INTEGER = 2**31 - 1


class CheckedParametersMixin:
    """An API endpoint that answers 400 to a parameter it cannot use, before Wagtail reads it.

    Other apps' endpoints (``council.api``) use it too, so every endpoint of the router refuses
    the same values the same way.
    """

    def initial(self, request, *args, **kwargs):
        """Answer 400 before Wagtail reads a parameter holding control characters (a NUL byte, which
        PostgreSQL refuses) or too long to mean anything; Wagtail checks the rest itself. ``search``
        is cleaned like the search page's query instead (``cms.analysis.clean_query``)."""
        for name, values in request.GET.lists():
            if name == "search":
                continue
            for value in values:
                try:
                    params.text(value, name=name[:50], max_length=params.MAX_TEXT * 10)
                    if name in INTEGER_PARAMETERS and value.strip().isascii() and value.strip().isdigit():
                        params.integer(value, name=name, maximum=MAX_INTEGER)
                except params.BadParameter as error:
                    raise BadRequestError(str(error)) from None
        return super().initial(request, *args, **kwargs)


class SearchablePagesAPIViewSet(CheckedParametersMixin, PagesAPIViewSet):
    """The pages endpoint, whose ``search`` parameter is lemmatised and ranked like /search/."""

    # get_queryset searches already; Wagtail's SearchFilter must not search the raw text again.
    filter_backends = [backend for backend in PagesAPIViewSet.filter_backends if backend is not SearchFilter]

    #: Set when the database answered a search because the search server failed.
    search_fallback = False

    def finalize_response(self, request, response, *args, **kwargs):
        """Tell API clients, as the search page tells citizens, when results come from the reserve search."""
        response = super().finalize_response(request, response, *args, **kwargs)
        if self.search_fallback:
            response["X-Search-Fallback"] = "database"
        return response

    def get_queryset(self):
        queryset = super().get_queryset()
        raw = self.request.GET.get("search", "")
        if "search" not in self.request.GET:
            return queryset
        found = find_page_ids(analysis.clean_query(raw), queryset=queryset)
        self.search_fallback, ids = found.fallback, found.ids
        order = Case(*[When(pk=pk, then=pos) for pos, pk in enumerate(ids)], output_field=IntegerField())
        return queryset.filter(pk__in=ids).order_by(order) if ids else queryset.none()


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", SearchablePagesAPIViewSet)
