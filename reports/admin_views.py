"""The reports' admin views: the monthly report and the publication-deadlines dashboard.

Every query-string parameter goes through ``cms.params``: a bad value is explained on the page,
never an error.
"""

import datetime

from django import forms
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.permission_policies.pages import PagePermissionPolicy

from cms import params
from cms.dates import MAX_YEAR, MIN_YEAR, MONTH_RE
from cms.permissions import menu_item_for

from .deadlines import deadline_dashboard
from .monthly import build_report
from .render import FORMATS
from .render import render as render_report

DEFAULT_FORMAT = "docx"


class ReportPageMixin(WagtailAdminTemplateMixin):
    """An admin report page whose header and breadcrumbs name the report, as Wagtail's own reports do."""

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]


class MonthlyReportForm(forms.Form):
    #: The formats offered for download, and the one taken when none is chosen (a subclass may change them).
    formats = FORMATS
    default_format = DEFAULT_FORMAT

    month = forms.CharField(label=_("Month"), help_text=_("As YYYY-MM, e.g. 2018-11."), max_length=32)
    format = forms.CharField(
        label=_("Download as"),
        widget=forms.Select(
            choices=[(key, key.upper()) for key in sorted(FORMATS, key=lambda key: key != DEFAULT_FORMAT)]
        ),
        initial=DEFAULT_FORMAT,
        required=False,
    )

    def clean_month(self):
        try:
            return params.month(self.cleaned_data["month"], name="month")
        except params.BadParameter as error:
            if MONTH_RE.fullmatch(error.value or ""):
                raise forms.ValidationError(
                    _("Enter a month between %(first)s and %(last)s.")
                    % {"first": f"{MIN_YEAR}-01", "last": f"{MAX_YEAR}-12"}
                ) from None
            raise forms.ValidationError(_("Enter the month as YYYY-MM, e.g. 2018-11.")) from None

    def clean_format(self):
        try:
            return (
                params.choice(self.cleaned_data["format"], name="format", choices=self.formats)
                or self.default_format
            )
        except params.BadParameter as error:
            raise forms.ValidationError(str(error)) from None


def wants_download(request, notices: list) -> bool:
    """Whether the Download button was pressed (``download=1``); any other value is explained."""
    try:
        return params.choice(request.GET.get("download"), name="download", choices=["1"]) is not None
    except params.BadParameter as error:
        notices.append(str(error))
        return False


class MonthlyReportView(ReportPageMixin, TemplateView):
    """The monthly report in the admin: shown as HTML, downloadable as Markdown, HTML or DOCX."""

    parses_parameters = True  # its own cms.params parsing explains a bad value (cms.param_guard)

    template_name = "reports/admin/monthly_report.html"
    page_title = _("Monthly report")
    header_icon = "doc-full"

    def get(self, request, *args, **kwargs):
        last_month = (timezone.localdate().replace(day=1) - datetime.timedelta(days=1)).strftime("%Y-%m")
        data = request.GET if "month" in request.GET else None
        form = MonthlyReportForm(data, initial={"month": last_month})
        notices: list[str] = []
        download = wants_download(request, notices)
        report = None
        if form.is_valid():
            report = build_report(month=form.cleaned_data["month"])
            if download:
                return self.download(report, form.cleaned_data["format"])
        return self.render_to_response(self.get_context_data(form=form, report=report, notices=notices))

    @staticmethod
    def download(report, fmt: str) -> HttpResponse:
        content_type, extension = FORMATS[fmt]
        response = HttpResponse(render_report(report, fmt), content_type=content_type)
        response["Content-Disposition"] = (
            f'attachment; filename="monthly-report-{report.month:%Y-%m}.{extension}"'
        )
        return response


#: The deadlines are the editors' of the acts: the dashboard lists only the acts its reader may edit.
page_policy = PagePermissionPolicy()


class DeadlineDashboardView(PermissionCheckedMixin, ReportPageMixin, TemplateView):
    """Acts that violate a publication deadline or will within a few working days (no parameters).

    Only the acts the user may edit are listed: an act still in the approval workflow is not public, and
    a registry keeper or the press office must not read its title and number here.
    """

    permission_policy = page_policy
    permission_required = "change"
    template_name = "reports/admin/deadlines.html"
    page_title = _("Publication deadlines")
    header_icon = "time"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        found = deadline_dashboard()
        editable = set(
            page_policy.instances_user_has_permission_for(self.request.user, "change")
            .filter(pk__in=[item["id"] for item, _check in found])
            .values_list("pk", flat=True)
        )
        context["problems"] = [
            {"item": item, "check": check, "edit_url": reverse("wagtailadmin_pages:edit", args=[item["id"]])}
            for item, check in found
            if item["id"] in editable
        ]
        return context


#: Shown to those who may edit some page: a registry keeper has no act to watch.
DeadlineDashboardMenuItem = menu_item_for(DeadlineDashboardView)
