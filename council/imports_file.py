"""Reading the voting system's results file as its exports and clerks' spreadsheets lay it out.

A CSV is read as the registry reads it (``registry.files``). A workbook is read here, because the
exports of «Рада-голосування», «Віче» and the like are made for printing: a merged cell holds the
session's date or the question once for all the deputies' rows beneath it, and openpyxl's quick
read-only mode gives the rows below the first one an empty cell. Each merged range's value is
copied into every cell it covers, so each row carries its session, question and time.

A title above the header («Результати поіменного голосування…») is found by ``header_row``: the
header is the first row naming every required column; the rows above it are left out and each
row keeps its number as the spreadsheet shows it.
"""

import io

import openpyxl
import tablib
from django.utils.translation import gettext as _

from registry import files
from registry.columns import is_blank

from . import imports as fmt

#: How far down a title, a legend or blank rows may push the header.
HEADER_SEARCH_ROWS = 15


def _workbook_rows(content: bytes) -> list[list]:
    """The first sheet's rows, every merged range's value in each of its cells."""
    try:
        book = openpyxl.load_workbook(io.BytesIO(content), data_only=True)
    except Exception as error:  # not a workbook, or a broken one
        raise files.RegistryFileError(
            _("The file could not be read as %(format)s: %(error)s") % {"format": "XLSX", "error": error}
        ) from error
    sheet = book.active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    for merged in sheet.merged_cells.ranges:
        top, left = merged.min_row - 1, merged.min_col - 1
        value = rows[top][left] if top < len(rows) and left < len(rows[top]) else None
        for row in range(top, min(merged.max_row, len(rows))):
            for column in range(left, min(merged.max_col, len(rows[row]))):
                rows[row][column] = value
    return rows


def read_votes_file(
    *, content: bytes, file_format: str, encoding: str = "auto", delimiter: str = "auto"
) -> tablib.Dataset:
    """The file as a dataset: a CSV as the registry reads it, a workbook with its merged cells filled.

    Raises ``registry.files.RegistryFileError`` with a message for the clerk.
    """
    if file_format != "xlsx":
        return files.read_dataset(
            content=content, file_format=file_format, encoding=encoding, delimiter=delimiter
        )
    rows = _workbook_rows(content)
    while rows and all(is_blank(value) for value in rows[-1]):
        rows.pop()
    if not rows:
        raise files.RegistryFileError(_("The file is empty."))
    width = max(len(row) for row in rows)
    rows = [row + [None] * (width - len(row)) for row in rows]
    return tablib.Dataset(*rows[1:], headers=rows[0])


def header_row(dataset: tablib.Dataset) -> int:
    """How many rows of ``dataset`` are above its real header: 0 when the first row is the header.

    The header is the first row (of the first ``HEADER_SEARCH_ROWS``) whose cells name every required
    column; when none does, the first row is taken, and the import reports the columns it misses.
    """
    candidates = [dataset.headers, *dataset[:HEADER_SEARCH_ROWS]]
    for position, cells in enumerate(candidates):
        _headers, problems, _ignored = fmt.normalise_headers(list(cells))
        if not problems:
            return position
    return 0
