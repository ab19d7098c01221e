"""The admin's query strings vetted by ``cms.params`` before any view reads them.

Wagtail's own listings (documents, page search and explorer, reports, snippets, redirects) and the
viewsets of our apps filter through django-filter, which hands a NUL byte to PostgreSQL and a
20-digit id to SQLite's driver: a 500 either way. This middleware drops such a value with a notice
for the editor, so the listing shows unfiltered. Views that parse their parameters themselves with
``cms.params`` (and explain a bad value in their own words) set ``parses_parameters = True`` and are
left alone.
"""

import re

from django.contrib import messages
from django.urls import reverse
from django.utils.translation import gettext as _

from . import params

#: Parameters that are searches: any number is a fair thing to look for.
FREE_TEXT = frozenset({"q", "label"})
#: Filters that Wagtail's media listings offer but whose annotation the search backends cannot
#: filter on (modelsearch's ``_get_filters_from_where_node``: "'Coalesce' object has no attribute
#: 'target'" on PostgreSQL): with a search they are dropped, with a notice.
NOT_WITH_SEARCH = ("usage_count_min", "usage_count_max")
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def clean_admin_query(query) -> tuple[object, list[str]]:
    """``query`` (a ``QueryDict``) without the values ``params.admin_value`` refuses; a notice for each."""
    cleaned, notices = query.copy(), []
    for name, values in query.lists():
        try:
            for value in values:
                shown = _UNPRINTABLE.sub("", name)[:40]
                params.admin_value(value, name=shown, free_text=name in FREE_TEXT)
        except params.BadParameter as error:
            notices.append(_("%(problem)s The parameter is ignored.") % {"problem": error})
            del cleaned[name]
    if cleaned.get("q", "").strip():
        for name in NOT_WITH_SEARCH:
            if cleaned.get(name, "").strip():
                notices.append(
                    _("The filter «%(name)s» cannot be combined with a search; it is ignored.")
                    % {"name": name}
                )
                del cleaned[name]
    return cleaned, notices


class AdminParameterGuard:
    """Middleware: every admin request's query string passes ``clean_admin_query`` (see the module)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = None

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if self.prefix is None:
            self.prefix = reverse("wagtailadmin_home")
        view_class = getattr(view_func, "view_class", None)
        if not request.path.startswith(self.prefix) or getattr(view_class, "parses_parameters", False):
            return None
        request.GET, notices = clean_admin_query(request.GET)
        for notice in notices:
            messages.warning(request, notice)
        return None
