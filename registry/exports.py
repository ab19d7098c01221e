"""The registry's files for download: the organisation lists and the analytics, as CSV, XLSX or JSON.

No exported value starts a formula (``cms.exports.safe_cell``: the resource's widgets neutralise the
organisations' text, the analytics tables pass through ``safe_row`` here), so text reaches a
spreadsheet as text-typed cells. Sheets and files are named in Ukrainian and dated.
"""

import csv
import datetime
import io
import json

import tablib
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cms.exports import safe_row
from cms.text import slugify_uk

from .files import RegistryFileError
from .kinds import OrganizationKind
from .models import Organization
from .resources import OrganizationResource

FORMATS = ("csv", "xlsx", "json")
ANALYTICS_FORMATS = ("csv", "xlsx")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json; charset=utf-8",
}
#: Excel refuses longer sheet names.
SHEET_TITLE_LENGTH = 31


def _sheet_title(title) -> str:
    return str(title)[:SHEET_TITLE_LENGTH]


def export_file_name(
    *, kind: OrganizationKind | None, file_format: str, day: datetime.date | None = None
) -> str:
    """``hromadski-obiednannia-2026-12-01.xlsx``: the list's title transliterated, and the day."""
    day = day or timezone.localdate()
    if kind is None:
        with translation.override("uk"):
            slug = slugify_uk(_("Organisations"))
    else:
        slug = kind.file_slug
    return f"{slug}-{day:%Y-%m-%d}.{file_format}"


def export_organizations(*, queryset=None, file_format: str, kind: OrganizationKind | None = None) -> bytes:
    """The organisations in ``queryset`` as a CSV (UTF-8 with BOM, for Excel), XLSX or JSON file.

    The XLSX sheet is named after the list (``kind``'s title, «Громадські об'єднання»).
    """
    if queryset is None:
        queryset = Organization.objects.all()
    dataset = OrganizationResource().export(queryset=queryset.prefetch_related("fields_of_activity"))
    if file_format == "csv":
        return dataset.export("csv").encode("utf-8-sig")
    if file_format == "xlsx":
        with translation.override("uk"):
            dataset.title = _sheet_title(kind.list_label if kind else _("Organisations"))
        return dataset.export("xlsx")
    if file_format == "json":
        return json.dumps(dataset.dict, ensure_ascii=False, indent=1).encode("utf-8")
    raise RegistryFileError(_("Unsupported file format: choose CSV, XLSX or JSON."))


def analytics_datasets(analytics) -> list[tablib.Dataset]:
    """The analytics as titled tables, the same ones the admin page shows, every text value neutralised."""
    month = analytics.month.strftime("%m.%Y")
    tables = [
        (analytics.active_by_kind, [_("Type"), _("Active organisations")], _("By type")),
        (
            analytics.active_by_legal_form,
            [_("Legal form"), _("Active organisations")],
            _("By legal form"),
        ),
        (
            analytics.active_by_field,
            [_("Field of activity"), _("Active organisations")],
            _("By field of activity"),
        ),
        (
            [(p.name, p.party, p.faction, p.seats) for p in analytics.parties_with_seats],
            [_("Organisation"), _("Party"), _("Council faction"), _("Seats")],
            _("Council seats"),
        ),
        (
            [
                (
                    i.date.strftime("%d.%m.%Y"),
                    i.get_kind_display(),
                    i.topic,
                    "; ".join(str(o) for o in i.organizations.all()),
                    i.outcome,
                )
                for i in analytics.interactions
            ],
            [_("Date"), _("Kind"), _("Topic"), _("Organisations"), _("Outcome")],
            _("Interactions %(month)s") % {"month": month},
        ),
    ]
    return [
        tablib.Dataset(*[safe_row(row) for row in rows], headers=headers, title=_sheet_title(title))
        for rows, headers, title in tables
    ]


def analytics_file_name(*, month: datetime.date, file_format: str) -> str:
    """``analityka-reiestriv-2026-03.xlsx``: the page's title transliterated, and the month."""
    with translation.override("uk"):
        slug = slugify_uk(_("Registry analytics"))
    return f"{slug}-{month:%Y-%m}.{file_format}"


def export_analytics(*, analytics, file_format: str) -> bytes:
    """The analytics as an XLSX workbook (a sheet per table) or a CSV with the tables one after another."""
    tables = analytics_datasets(analytics)
    if file_format == "xlsx":
        return tablib.Databook(tables).export("xlsx")
    if file_format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        for table in tables:
            writer.writerow([table.title])
            writer.writerow(table.headers)
            writer.writerows(table)
            writer.writerow([])
        return buffer.getvalue().encode("utf-8-sig")
    raise RegistryFileError(_("Unsupported file format: choose CSV or XLSX."))
