"""The registry's analytics page and its files."""

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms import params
from cms.dates import MAX_YEAR, MIN_YEAR

from .. import exports, list_params, permissions, selectors
from ..models import Organization


def _month_problem(error: params.BadParameter) -> str:
    if error.value and not any(ch < " " for ch in str(error.value)):
        return _(
            "Invalid month «%(value)s»: use the form YYYY-MM between %(min)d and %(max)d, e.g. 2026-03."
        ) % {
            "value": error.value,
            "min": MIN_YEAR,
            "max": MAX_YEAR,
        }
    return str(error)


class AnalyticsView(WagtailAdminTemplateMixin, TemplateView):
    """Counts for the department's reports, for a chosen month (?month=YYYY-MM), exportable as CSV or XLSX."""

    parses_parameters = True  # its own cms.params parsing explains a bad value (cms.param_guard)

    template_name = "registry/admin/analytics.html"
    header_icon = "table"
    page_title = gettext_lazy("Registry analytics")

    def get(self, request, *args, **kwargs):
        permissions.require(request.user, Organization, "view")
        parsers = {
            "month": lambda raw, name: params.month(raw, name=name),
            "export_format": lambda raw, name: params.choice(
                raw, name=name, choices=exports.ANALYTICS_FORMATS
            ),
        }
        try:
            month = params.month(request.GET.get("month"), name="month") or timezone.localdate().replace(
                day=1
            )
        except params.BadParameter as error:
            return self._refuse(request, _month_problem(error))
        query, notices = list_params.clean_query(request.GET, parsers)
        if notices:
            return self._refuse(request, " ".join(notices))
        analytics = selectors.registry_analytics(month=month)
        file_format = query.get("export_format")
        if file_format:
            response = HttpResponse(
                exports.export_analytics(analytics=analytics, file_format=file_format),
                content_type=exports.CONTENT_TYPES[file_format],
            )
            name = exports.analytics_file_name(month=month, file_format=file_format)
            response["Content-Disposition"] = f'attachment; filename="{name}"'
            return response
        return self.render_to_response(self.get_context_data(analytics=analytics, month=month))

    def _refuse(self, request, problem: str):
        if "export_format" in request.GET:
            return HttpResponse(problem, status=400, content_type="text/plain; charset=utf-8")
        return self.render_to_response(self.get_context_data(month_error=problem), status=400)
