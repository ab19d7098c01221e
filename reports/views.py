"""Open data (public) and the reports' admin views (monthly report, deadlines dashboard)."""

import datetime

from django import forms
from django.http import FileResponse, Http404, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms.dates import parse_month

from . import opendata
from .deadlines import deadline_dashboard
from .monthly import build_report
from .render import FORMATS
from .render import render as render_report

OPEN_DATA_MAX_AGE = 15 * 60
OPEN_DATA_FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json; charset=utf-8"}


def _dataset_links(request):
    return [
        {
            "name": name,
            "title": opendata.load_schema(name)["title"],
            "csv": request.build_absolute_uri(reverse("opendata:export", args=[name, "csv"])),
            "json": request.build_absolute_uri(reverse("opendata:export", args=[name, "json"])),
            "schema": request.build_absolute_uri(reverse("opendata:schema", args=[name])),
        }
        for name in opendata.DATASETS
    ]


def opendata_index(request):
    """The list of datasets, with links to every format and schema."""
    return render(request, "reports/opendata_index.html", {"datasets": _dataset_links(request)})


def opendata_index_json(request):
    return JsonResponse({"datasets": _dataset_links(request)}, json_dumps_params={"ensure_ascii": False})


def opendata_export(request, name, fmt):
    """A full dataset, streamed: constant memory whatever the number of rows."""
    if name not in opendata.DATASETS or fmt not in OPEN_DATA_FORMATS:
        raise Http404(f"No dataset {name}.{fmt}")
    if fmt == "csv":
        chunks = opendata.stream_csv(name)
    else:
        schema_url = request.build_absolute_uri(reverse("opendata:schema", args=[name]))
        chunks = opendata.stream_json(name, schema_url=schema_url)
    response = StreamingHttpResponse(chunks, content_type=OPEN_DATA_FORMATS[fmt])
    response["Content-Disposition"] = f'inline; filename="{name}.{fmt}"'
    response["Access-Control-Allow-Origin"] = "*"
    # A full export costs about a second per 50,000 rows: let browsers and proxies reuse it briefly.
    patch_cache_control(response, public=True, max_age=OPEN_DATA_MAX_AGE)
    return response


def opendata_schema(request, name):
    if name not in opendata.DATASETS:
        raise Http404(f"No schema for {name}")
    path = opendata.SCHEMA_DIR / f"{name}.schema.json"
    return FileResponse(path.open("rb"), content_type="application/schema+json")


class MonthlyReportForm(forms.Form):
    month = forms.CharField(label=_("Month"), help_text=_("As YYYY-MM, e.g. 2018-11."))
    format = forms.ChoiceField(
        label=_("Download as"),
        choices=[(key, key.upper()) for key in FORMATS],
        initial="docx",
        required=False,
    )

    def clean_month(self):
        try:
            return parse_month(self.cleaned_data["month"])
        except ValueError:
            raise forms.ValidationError(_("Enter the month as YYYY-MM, e.g. 2018-11.")) from None


class MonthlyReportView(WagtailAdminTemplateMixin, TemplateView):
    """The monthly report in the admin: shown as HTML, downloadable as Markdown, HTML or DOCX."""

    template_name = "reports/admin/monthly_report.html"
    page_title = _("Monthly report")
    header_icon = "doc-full"

    def get(self, request, *args, **kwargs):
        last_month = (timezone.localdate().replace(day=1) - datetime.timedelta(days=1)).strftime("%Y-%m")
        data = request.GET if "month" in request.GET else None
        form = MonthlyReportForm(data, initial={"month": last_month})
        report = None
        if form.is_valid():
            report = build_report(month=form.cleaned_data["month"])
            if request.GET.get("download"):
                fmt = form.cleaned_data["format"] or "docx"
                content_type, extension = FORMATS[fmt]
                response = HttpResponse(render_report(report, fmt), content_type=content_type)
                response["Content-Disposition"] = (
                    f'attachment; filename="monthly-report-{report.month:%Y-%m}.{extension}"'
                )
                return response
        return self.render_to_response(self.get_context_data(form=form, report=report))


class DeadlineDashboardView(WagtailAdminTemplateMixin, TemplateView):
    """Acts that violate a publication deadline or will within a few working days."""

    template_name = "reports/admin/deadlines.html"
    page_title = _("Publication deadlines")
    header_icon = "time"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["problems"] = [
            {"item": item, "check": check, "edit_url": reverse("wagtailadmin_pages:edit", args=[item["id"]])}
            for item, check in deadline_dashboard()
        ]
        return context
