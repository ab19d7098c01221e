"""Admin wiring only: the report and dashboard views, their menu items, the notes snippet, save warnings."""

from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from .deadlines import VIOLATED, check_page
from .models import MonthlyReportNotes
from .views import DeadlineDashboardView, MonthlyReportView

register_snippet(MonthlyReportNotes)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("reports/monthly/", MonthlyReportView.as_view(), name="reports_monthly"),
        path("reports/deadlines/", DeadlineDashboardView.as_view(), name="reports_deadlines"),
    ]


@hooks.register("register_reports_menu_item")
def register_monthly_report_menu_item():
    return MenuItem(_("Monthly report"), reverse("reports_monthly"), icon_name="doc-full", order=900)


@hooks.register("register_reports_menu_item")
def register_deadlines_menu_item():
    return MenuItem(_("Publication deadlines"), reverse("reports_deadlines"), icon_name="time", order=901)


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
