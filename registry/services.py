"""Reading registry files, importing and exporting them: one path for the admin and the command."""

import csv
import io
import json
from dataclasses import dataclass, field

import tablib
from django.utils.translation import gettext as _
from import_export.formats import base_formats

from .models import Organization
from .resources import (
    OrganizationResource,
    field_errors,
    file_row_number,
    is_blank,
    normalise_headers,
)

FORMATS = ("csv", "xlsx", "json")
ENCODINGS = ("auto", "utf-8", "cp1251")
DELIMITERS = {"auto": None, "semicolon": ";", "comma": ",", "tab": "\t"}
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json; charset=utf-8",
}


class RegistryFileError(ValueError):
    """A file that cannot be read as a registry table at all; the message is for editors."""


def guess_format(file_name: str) -> str | None:
    extension = file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""
    return extension if extension in FORMATS else None


def decode_text(content: bytes, encoding: str = "auto") -> str:
    """Decode a text file: UTF-8 (with or without BOM) first, then Windows-1251, as Ukrainian Excel saves."""
    if encoding != "auto":
        try:
            return content.decode("utf-8-sig" if encoding == "utf-8" else encoding)
        except UnicodeDecodeError as error:
            raise RegistryFileError(
                _("The file is not in the %(encoding)s encoding (byte %(position)d).")
                % {"encoding": encoding, "position": error.start}
            ) from error
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1251", errors="strict")


def sniff_delimiter(text: str) -> str:
    """The delimiter of a CSV text, judged by its header line: ';' (Ukrainian Excel), ',' or tab."""
    header = text.split("\n", 1)[0]
    counts = {delimiter: header.count(delimiter) for delimiter in (";", ",", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def read_dataset(
    *, content: bytes, file_format: str, encoding: str = "auto", delimiter: str = "auto"
) -> tablib.Dataset:
    """Read an uploaded CSV, XLSX or JSON file into a dataset, trailing empty rows dropped.

    Raises RegistryFileError with an editor-readable message for a file that cannot be read.
    """
    if file_format not in FORMATS:
        raise RegistryFileError(_("Unsupported file format: choose CSV, XLSX or JSON."))
    try:
        if file_format == "csv":
            text = decode_text(content, encoding)
            chosen = DELIMITERS.get(delimiter) or sniff_delimiter(text)
            dataset = tablib.Dataset()
            rows = list(csv.reader(io.StringIO(text), delimiter=chosen))
            if not rows:
                raise RegistryFileError(_("The file is empty."))
            dataset.headers = rows[0]
            width = len(rows[0])
            for position, row in enumerate(rows[1:], 2):
                if len(row) > width and all(is_blank(cell) for cell in row[width:]):
                    row = row[:width]
                if len(row) > width:
                    raise RegistryFileError(
                        _(
                            "Row %(row)d has %(found)d cells but the header has %(expected)d: "
                            "check the delimiter."
                        )
                        % {"row": position, "found": len(row), "expected": width}
                    )
                row = row + [""] * (width - len(row))
                dataset.append(row)
        elif file_format == "xlsx":
            dataset = base_formats.XLSX().create_dataset(content)
        else:
            records = json.loads(decode_text(content, encoding))
            if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
                raise RegistryFileError(_("A JSON file must hold a list of objects, one per organisation."))
            headers = list(dict.fromkeys(key for record in records for key in record))
            dataset = tablib.Dataset(
                *[[record.get(h, "") for h in headers] for record in records], headers=headers
            )
    except RegistryFileError:
        raise
    except Exception as error:  # a broken workbook, invalid JSON, a CSV that is not a table
        raise RegistryFileError(
            _("The file could not be read as %(format)s: %(error)s")
            % {"format": file_format.upper(), "error": error}
        ) from error
    while len(dataset) and all(is_blank(value) for value in dataset[-1]):
        del dataset[-1]
    if not dataset.headers:
        raise RegistryFileError(_("The file has no header row."))
    return dataset


@dataclass
class RowProblem:
    row: int  # as a spreadsheet numbers it: the header is row 1
    column: str
    message: str


@dataclass
class ImportReport:
    """What an import did or, in a dry run, would do."""

    total_rows: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    file_errors: list[str] = field(default_factory=list)
    row_problems: list[RowProblem] = field(default_factory=list)
    created_fields_of_activity: list[str] = field(default_factory=list)
    dry_run: bool = True

    @property
    def has_errors(self) -> bool:
        return bool(self.file_errors or self.row_problems)

    @property
    def rows_with_errors(self) -> int:
        return len({problem.row for problem in self.row_problems})


def import_organizations(
    *,
    dataset: tablib.Dataset,
    dry_run: bool,
    default_kind: str | None = None,
    resource_class=OrganizationResource,
) -> ImportReport:
    """Validate every row of ``dataset`` and, unless ``dry_run`` or any row is wrong, write them all.

    Nothing is written when the file has any error: the whole import runs in one transaction
    that is rolled back, and the report names each problem with its row and column.
    """
    report = ImportReport(total_rows=len(dataset), dry_run=dry_run)
    headers, report.file_errors = normalise_headers(dataset.headers)
    if report.file_errors:
        return report
    dataset.headers = headers
    resource = resource_class(default_kind=default_kind)
    result = resource.import_data(
        dataset,
        dry_run=dry_run,
        raise_errors=False,
        use_transactions=True,
        rollback_on_validation_errors=True,
    )
    report.file_errors = [str(error.error) for error in result.base_errors]
    for invalid in result.invalid_rows:
        for column, message in field_errors(resource, invalid.error):
            report.row_problems.append(RowProblem(file_row_number(invalid.number), column, message))
    for number, errors in result.row_errors():
        for error in errors:
            report.row_problems.append(RowProblem(file_row_number(number), "", str(error.error)))
    report.row_problems.sort(key=lambda problem: problem.row)
    report.new = result.totals.get("new", 0)
    report.unchanged = resource.unchanged
    report.updated = result.totals.get("update", 0) - resource.unchanged
    report.skipped = result.totals.get("skip", 0)
    report.created_fields_of_activity = list(resource.created_fields_of_activity)
    if report.has_errors:
        report.dry_run = True  # rolled back: nothing was written
    return report


def export_organizations(*, queryset=None, file_format: str) -> bytes:
    """The organisations in ``queryset`` as a CSV (UTF-8 with BOM, for Excel), XLSX or JSON file."""
    if queryset is None:
        queryset = Organization.objects.all()
    dataset = OrganizationResource().export(queryset=queryset.prefetch_related("fields_of_activity"))
    if file_format == "csv":
        return dataset.export("csv").encode("utf-8-sig")
    if file_format == "xlsx":
        return dataset.export("xlsx")
    if file_format == "json":
        return json.dumps(dataset.dict, ensure_ascii=False, indent=1).encode("utf-8")
    raise RegistryFileError(_("Unsupported file format: choose CSV, XLSX or JSON."))


def analytics_datasets(analytics) -> list[tablib.Dataset]:
    """The analytics as titled tables, the same ones the admin page shows."""
    month = analytics.month.strftime("%m.%Y")
    tables = [
        tablib.Dataset(
            *analytics.active_by_kind, headers=[_("Type"), _("Active organisations")], title=_("By type")
        ),
        tablib.Dataset(
            *analytics.active_by_legal_form,
            headers=[_("Legal form"), _("Active organisations")],
            title=_("By legal form"),
        ),
        tablib.Dataset(
            *analytics.active_by_field,
            headers=[_("Field of activity"), _("Active organisations")],
            title=_("By field of activity"),
        ),
        tablib.Dataset(
            *[(p.name, p.party, p.faction, p.seats) for p in analytics.parties_with_seats],
            headers=[_("Organisation"), _("Party"), _("Council faction"), _("Seats")],
            title=_("Council seats"),
        ),
        tablib.Dataset(
            *[
                (
                    i.date.strftime("%d.%m.%Y"),
                    i.get_kind_display(),
                    i.topic,
                    "; ".join(str(o) for o in i.organizations.all()),
                    i.outcome,
                )
                for i in analytics.interactions
            ],
            headers=[_("Date"), _("Kind"), _("Topic"), _("Organisations"), _("Outcome")],
            title=_("Interactions %(month)s") % {"month": month},
        ),
    ]
    return tables


def export_analytics(*, analytics, file_format: str) -> bytes:
    """The analytics as an XLSX workbook (a sheet per table) or a CSV with the tables one after another."""
    tables = analytics_datasets(analytics)
    if file_format == "xlsx":
        for table in tables:
            table.title = table.title[:31]  # Excel's limit on sheet names
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
