"""Admin wiring only, all of it as Wagtail viewsets: the notes snippet, the two reports, save warnings.

Why viewsets for the report views too: a ``ViewSet`` keeps a view's URL, its menu item, label and icon
in one object registered through one hook (``register_admin_viewset``), the same way the snippet's
``SnippetViewSet`` and search's synonyms are registered; hand-made ``register_admin_urls`` plus
``register_reports_menu_item`` pairs had to repeat the URL name in two places. ``menu_hook`` puts the
items in Wagtail's Reports menu.
"""

from django.contrib import messages
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import DeadlineDashboardMenuItem, DeadlineDashboardView, MonthlyReportView
from .deadlines import VIOLATED, check_page
from .models import MonthlyReportNotes

REPORTS_MENU = "register_reports_menu_item"


class MonthlyReportNotesViewSet(SnippetViewSet):
    """The editors' narrative bullets of a month, listed under Reports beside the report itself."""

    model = MonthlyReportNotes
    icon = "list-ul"
    menu_label = _("Monthly report notes")
    menu_hook = REPORTS_MENU
    menu_order = 902
    list_display = ["__str__"]


class ReportViewSet(ViewSet):
    """One admin report: its view at ``/admin/<url_prefix>/`` and its item in the Reports menu."""

    menu_hook = REPORTS_MENU
    view_class = None

    def get_urlpatterns(self):
        return [path("", self.view_class.as_view(), name="index")]


monthly_report_viewset = ReportViewSet(
    "reports_monthly",
    url_prefix="reports/monthly",
    view_class=MonthlyReportView,
    menu_label=_("Monthly report"),
    icon="doc-full",
    menu_order=900,
)
deadlines_viewset = ReportViewSet(
    "reports_deadlines",
    url_prefix="reports/deadlines",
    view_class=DeadlineDashboardView,
    menu_item_class=DeadlineDashboardMenuItem,
    menu_label=_("Publication deadlines"),
    icon="time",
    menu_order=901,
)

register_snippet(MonthlyReportNotesViewSet)


@hooks.register("register_admin_viewset")
def register_report_viewsets():
    return [monthly_report_viewset, deadlines_viewset]


def warn_about_deadlines(request, page):
    """Tell the editor, on saving an act, which publication deadline it breaks or is about to."""
    for check in check_page(page.specific):
        if not check.is_problem:
            continue
        text = (
            _("Deadline violated: %(rule)s (due %(due)s; %(source)s).")
            if check.status == VIOLATED
            else _("Deadline approaching: %(rule)s (due %(due)s; %(source)s).")
        )
        messages.warning(
            request,
            text
            % {"rule": check.rule.title, "due": check.due.strftime("%d.%m.%Y"), "source": check.rule.source},
        )


hooks.register("after_create_page", warn_about_deadlines)
hooks.register("after_edit_page", warn_about_deadlines)
