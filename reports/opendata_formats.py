"""Open data written out: CSV, JSON and XLSX of a dataset, every text value safe for a spreadsheet.

Every format passes each text value through ``cms.exports.safe_cell``: a name such as
``=HYPERLINK(…)`` reaches Excel or LibreOffice as text, never as a formula, whether the consumer
opens the CSV or the workbook or converts the JSON. The workbook is there for Excel with Ukrainian
regional settings, which splits a CSV on «;», not «,», and shows a whole row in one column.
"""

import csv
import datetime
import json
import re
import tempfile
from collections.abc import Iterator

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from cms.exports import safe_cell

from .opendata import DATASETS, columns


def export_value(value):
    """A value as an export writes it: text made safe, dates in ISO 8601, lists item by item."""
    if isinstance(value, str):  # the commonest case first: this runs for every cell of every row
        return safe_cell(value)
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        # The same moment written in the site's time (Kyiv's), not the database's UTC: a session at 10:00
        # reads «10:00+02:00» in the CSV, as on its page and in the API, never «08:00+00:00».
        return timezone.localtime(value, timezone.get_default_timezone()).isoformat()
    if isinstance(value, datetime.date):  # a naive datetime too
        return value.isoformat()
    if isinstance(value, list):
        return [export_value(item) for item in value]
    return value


class _Echo:
    """A file-like object whose write returns the line, for csv.writer inside a generator."""

    def write(self, value):
        return value


def _csv_cell(value):
    if isinstance(value, list):
        return "; ".join(value)
    if isinstance(value, bool):  # as JSON writes it, not Python's «True»
        return "true" if value else "false"
    return "" if value is None else value


#: The byte-order mark that opens every CSV: without it Excel on Windows reads UTF-8 as the locale's
#: code page (cp1251 in Ukraine) and shows mojibake. Programs skip it when they read the file as
#: ``utf-8-sig`` (Python), as pandas, R's readr and LibreOffice do by themselves (docs/open-data.md).
BOM = "\ufeff"


def stream_csv(name: str) -> Iterator[str]:
    """The dataset as CSV lines after a byte-order mark: a header of the schema's columns, lists joined
    with «; »."""
    fields = columns(name)
    writer = csv.writer(_Echo())
    yield BOM + writer.writerow(fields)
    for row in DATASETS[name].rows():
        yield writer.writerow(_csv_cell(export_value(row[field])) for field in fields)


def stream_json(name: str, *, schema_url: str) -> Iterator[str]:
    """The dataset as one JSON document, written item by item."""
    fields = columns(name)
    yield json.dumps({"dataset": name, "schema": schema_url}, ensure_ascii=False)[:-1] + ', "items": ['
    separator = "\n"
    for row in DATASETS[name].rows():
        yield separator + json.dumps(
            {field: export_value(row[field]) for field in fields}, ensure_ascii=False
        )
        separator = ",\n"
    yield "\n]}\n"


def _xlsx_value(value):
    """A cell's value as the CSV writes it; text without the control characters the workbook's XML may not
    hold (a vertical tab pasted from Word: openpyxl refuses the whole file for one), made safe again
    after they are gone («\x01=…» would start a formula then). openpyxl takes text for a formula only
    when it starts with «=», which ``safe_cell`` never lets through: every text cell is a string."""
    value = _csv_cell(value)
    if isinstance(value, str):
        return safe_cell(ILLEGAL_CHARACTERS_RE.sub("", value))
    return value


def write_xlsx(name: str, *, title: str):
    """The dataset as an XLSX workbook in a temporary file, rewound: one sheet, the header in bold and
    frozen, rows as the CSV has them (lists joined with «; », true/false), numbers as numbers.

    openpyxl's write-only mode keeps the rows on disk, not in memory, so a large dataset costs a
    file, not its size in RAM. The caller closes the file (a ``FileResponse`` does).
    """
    fields = columns(name)
    workbook = Workbook(write_only=True)
    # A sheet's name: at most 31 characters, none of []:*?/\ (Excel refuses the workbook otherwise).
    sheet = workbook.create_sheet(title=re.sub(r"[\[\]:*?/\\]", " ", title)[:31].strip(" '") or name)
    sheet.freeze_panes = "A2"
    sheet.append(fields)
    for row in DATASETS[name].rows():
        sheet.append([_xlsx_value(export_value(row[field])) for field in fields])
    handle = tempfile.TemporaryFile()
    workbook.save(handle)
    handle.seek(0)
    return handle
