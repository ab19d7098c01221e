"""Importing the voting system's results: one path for the admin and the command, a report by row.

A dry run (the admin's preview, ``--dry-run``) reports what every row would do and what each vote's
result would be; a real import writes the whole file or, when any row has an error, nothing: it is
one transaction, and every touched vote is recounted inside it (``council.tally.recount``).
"""

import dataclasses

import tablib
from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from registry.columns import file_row_number, is_blank
from registry.services import RowProblem

from . import imports as fmt
from .imports_file import header_row
from .imports_resource import BallotResource, row_errors
from .models import Convocation, Vote


class Outcome(models.TextChoices):
    """What an import does with a row (a ballot)."""

    NEW = "new", gettext_lazy("New ballot")
    CHANGED = "changed", gettext_lazy("Changed ballot")
    UNCHANGED = "unchanged", gettext_lazy("Unchanged")
    INVALID = "invalid", gettext_lazy("Has errors")


@dataclasses.dataclass
class ReportRow:
    number: int
    outcome: Outcome
    cells: dict[str, str]
    deputy: str = ""
    problems: list[RowProblem] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class ImportReport:
    """What an import did or, in a dry run, would do, row by row, with the votes it touches."""

    total_rows: int = 0
    rows: list[ReportRow] = dataclasses.field(default_factory=list)
    file_errors: list[str] = dataclasses.field(default_factory=list)
    ignored_columns: list[str] = dataclasses.field(default_factory=list)
    created: dict[str, int] = dataclasses.field(
        default_factory=lambda: {"meetings": 0, "items": 0, "votes": 0}
    )
    votes: list[Vote] = dataclasses.field(default_factory=list)
    dry_run: bool = True
    written: bool = False

    def count(self, outcome: Outcome) -> int:
        return sum(1 for row in self.rows if row.outcome == outcome)

    @property
    def row_problems(self) -> list[RowProblem]:
        return [problem for row in self.rows for problem in row.problems]

    @property
    def invalid_rows(self) -> list[int]:
        return [row.number for row in self.rows if row.outcome == Outcome.INVALID]

    @property
    def has_errors(self) -> bool:
        return bool(self.file_errors or self.invalid_rows)


def _report_row(line: int, row_result, raw: dict) -> ReportRow:
    cells = {column: fmt.text(raw.get(column)) for column in fmt.COLUMNS if column in raw}
    if row_result.is_invalid() or row_result.is_error():
        problems = []
        if row_result.validation_error is not None:
            problems = [RowProblem(line, c, m) for c, m in row_errors(row_result.validation_error)]
        problems += [RowProblem(line, "", str(error.error)) for error in row_result.errors]
        return ReportRow(line, Outcome.INVALID, cells, problems=problems)
    outcome = Outcome.NEW if row_result.is_new() else Outcome.CHANGED
    if row_result.is_skip():
        outcome = Outcome.UNCHANGED
    deputy = row_result.instance.deputy
    return ReportRow(line, outcome, cells, deputy=deputy.full_name if deputy else "")


def import_votes(
    *, dataset: tablib.Dataset, dry_run: bool, convocation: Convocation | None = None
) -> ImportReport:
    """Validate every row of ``dataset`` and, unless ``dry_run`` or any row has an error, write them all.

    A title above the header is left out and so are blank rows; every row is reported by its number
    in the file.
    """
    dataset, lines = _table(dataset)
    report = ImportReport(total_rows=len(dataset), dry_run=dry_run)
    headers, report.file_errors, report.ignored_columns = fmt.normalise_headers(dataset.headers)
    if report.file_errors:
        return report
    if not len(dataset):
        report.file_errors.append(_("The file has no rows of ballots."))
        return report
    dataset.headers = headers
    resource = BallotResource(convocation=convocation, lines=lines)
    with transaction.atomic(using=resource.get_db_connection_name()):
        result = resource.import_data(
            dataset,
            dry_run=dry_run,
            raise_errors=False,
            use_transactions=True,
            rollback_on_validation_errors=True,
        )
        raw_rows = dataset.dict
        report.rows = [
            _report_row(lines[number - 1], row_result, raw_rows[number - 1])
            for number, row_result in enumerate(result.rows, 1)
        ]
        report.file_errors = list(dict.fromkeys(str(error.error) for error in result.base_errors))
        report.created = {name: len(objects) for name, objects in resource.created.items()}
        if not report.has_errors:
            report.votes = sorted(
                resource.touched.values(),
                key=lambda v: (v.agenda_item.meeting.starts_at, v.agenda_item.sort_order or 0, v.position),
            )
        report.written = not dry_run and not report.has_errors
    return report


def _table(dataset: tablib.Dataset) -> tuple[tablib.Dataset, list[int]]:
    """The rows of ballots under the real header, blank rows left out, and each one's row in the file."""
    above = header_row(dataset)
    headers = list(dataset.headers or []) if not above else list(dataset[above - 1])
    headers = ["" if header is None else header for header in headers]
    rows, lines = [], []
    for position, row in enumerate(dataset[above:], above + 1):
        if not all(is_blank(value) for value in row):
            rows.append(row)
            lines.append(file_row_number(position))
    return tablib.Dataset(*rows, headers=headers), lines


def row_list(numbers: list[int], *, limit: int = 30) -> str:
    """«2, 3, 7» or, for a long list, «2, 3, … 4801 (4800 rows)»: a message stays readable."""
    if len(numbers) <= limit:
        return ", ".join(map(str, numbers))
    shown = ", ".join(map(str, numbers[: limit - 1]))
    return _("%(shown)s, … %(last)d (%(count)d rows)") % {
        "shown": shown,
        "last": numbers[-1],
        "count": len(numbers),
    }


def summary_lines(report: ImportReport) -> list[str]:
    """What an import did (or would do): «Нових засідань — 1, питань — 12, голосувань — 30; бюлетенів…»."""
    figures = {
        **report.created,
        "new": report.count(Outcome.NEW),
        "changed": report.count(Outcome.CHANGED),
        "unchanged": report.count(Outcome.UNCHANGED),
    }
    lines = [
        _("New meetings — %(meetings)d, agenda items — %(items)d, votes — %(votes)d.") % figures,
        _("Ballots: new — %(new)d, changed — %(changed)d, unchanged — %(unchanged)d.") % figures,
    ]
    if report.ignored_columns:
        lines.append(_("Ignored columns: %(columns)s.") % {"columns": ", ".join(report.ignored_columns)})
    return lines
