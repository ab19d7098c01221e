"""Importing registry files: one path for the admin and the command, with a row-by-row report.

A dry run (the admin's preview, ``--dry-run``) reports what each row would do; a real import writes
every row or, when the keeper chose to leave out the rows with errors, the valid ones only. Either
way the import is one transaction: an import that fails (a database error, another import writing
the same organisations at the same moment) writes nothing and says so in Ukrainian.
"""

import dataclasses

import tablib
from django.db import DatabaseError, models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from cms.audit import log_imported_objects
from cms.cache_purge import purge_sections_of

from .columns import COLUMN_BY_ATTRIBUTE, file_row_number, normalise_headers
from .kinds import OrganizationKind
from .models import Organization
from .resources import Change, OrganizationResource, field_errors
from .tasks import index_organizations
from .widgets import ChoiceLabelWidget


class Outcome(models.TextChoices):
    """What an import does with a row."""

    NEW = "new", gettext_lazy("New")
    CHANGED = "changed", gettext_lazy("Changed")
    UNCHANGED = "unchanged", gettext_lazy("Unchanged")
    INVALID = "invalid", gettext_lazy("Has errors")


@dataclasses.dataclass
class RowProblem:
    row: int  # as a spreadsheet numbers it: the header is row 1
    column: str
    message: str


@dataclasses.dataclass
class ReportRow:
    """One row of the file and what the import does with it."""

    number: int  # as a spreadsheet numbers it
    outcome: Outcome
    kind: OrganizationKind | None
    edrpou: str
    name: str
    changes: list[Change] = dataclasses.field(default_factory=list)
    problems: list[RowProblem] = dataclasses.field(default_factory=list)

    @property
    def changed_columns(self) -> set[str]:
        return {change.column for change in self.changes}


@dataclasses.dataclass
class ImportReport:
    """What an import did or, in a dry run, would do, row by row."""

    total_rows: int = 0
    rows: list[ReportRow] = dataclasses.field(default_factory=list)
    file_errors: list[str] = dataclasses.field(default_factory=list)
    created_fields_of_activity: list[str] = dataclasses.field(default_factory=list)
    dry_run: bool = True
    #: True once the rows were written (a real import that was not rolled back).
    written: bool = False

    def count(self, outcome: Outcome, kind: OrganizationKind | None = None) -> int:
        return sum(1 for row in self.rows if row.outcome == outcome and (kind is None or row.kind == kind))

    @property
    def new(self) -> int:
        return self.count(Outcome.NEW)

    @property
    def updated(self) -> int:
        return self.count(Outcome.CHANGED)

    @property
    def unchanged(self) -> int:
        return self.count(Outcome.UNCHANGED)

    @property
    def invalid_rows(self) -> list[int]:
        """The numbers of the rows with errors, as a spreadsheet numbers them."""
        return [row.number for row in self.rows if row.outcome == Outcome.INVALID]

    @property
    def rows_with_errors(self) -> int:
        return len(self.invalid_rows)

    @property
    def valid_rows(self) -> int:
        return len(self.rows) - self.rows_with_errors

    @property
    def row_problems(self) -> list[RowProblem]:
        return [problem for row in self.rows for problem in row.problems]

    @property
    def has_errors(self) -> bool:
        return bool(self.file_errors or self.rows_with_errors)

    def by_kind(self) -> list[tuple[OrganizationKind, dict[str, int]]]:
        """Per registry that the file's valid rows reach: how many rows are new, changed, unchanged."""
        counts = []
        for kind in OrganizationKind:
            figures = {
                outcome: self.count(outcome, kind) for outcome in Outcome if outcome != Outcome.INVALID
            }
            if any(figures.values()):
                counts.append((kind, figures))
        return counts


def conflict_message() -> str:
    return _(
        "Another import or a keeper wrote the same organisations at the same moment, so nothing from this "
        "file has been written. Run the import again: the organisations now in the registry will be "
        "updated, not duplicated."
    )


def _error_message(error) -> str:
    """An editor's sentence for an error import-export caught; a database error means a concurrent write."""
    if isinstance(error, DatabaseError):
        return conflict_message()
    if hasattr(error, "messages"):
        return " ".join(error.messages)
    return _("The import failed: %(error)s") % {"error": error}


_KIND_WIDGET = ChoiceLabelWidget(OrganizationKind)


def _kind_of_raw_row(values: dict, default_kind) -> OrganizationKind | None:
    try:
        kind = _KIND_WIDGET.clean(values.get(COLUMN_BY_ATTRIBUTE["kind"]))
    except ValueError:
        return None
    return OrganizationKind(kind or default_kind) if (kind or default_kind) else None


def _report_row(number, row_result, raw: dict, resource) -> ReportRow:
    row_number = file_row_number(number)
    if row_result.is_invalid() or row_result.is_error():
        problems = []
        if row_result.validation_error is not None:
            problems = [
                RowProblem(row_number, column, message)
                for column, message in field_errors(resource, row_result.validation_error)
            ]
        problems += [RowProblem(row_number, "", _error_message(error.error)) for error in row_result.errors]
        return ReportRow(
            number=row_number,
            outcome=Outcome.INVALID,
            kind=_kind_of_raw_row(raw, resource.default_kind),
            edrpou=str(raw.get(COLUMN_BY_ATTRIBUTE["edrpou"]) or ""),
            name=str(raw.get(COLUMN_BY_ATTRIBUTE["name"]) or ""),
            problems=problems,
        )
    instance = row_result.instance
    outcome = Outcome.NEW if row_result.is_new() else Outcome.CHANGED
    if row_result.is_skip():
        outcome = Outcome.UNCHANGED
    return ReportRow(
        number=row_number,
        outcome=outcome,
        kind=OrganizationKind(instance.kind) if instance.kind else None,
        edrpou=instance.edrpou,
        name=instance.name,
        changes=resource.changes.get(instance.pk, []) if outcome == Outcome.CHANGED else [],
    )


def import_organizations(
    *,
    dataset: tablib.Dataset,
    dry_run: bool,
    default_kind: str | None = None,
    skip_invalid: bool = False,
    expected_invalid: int | None = None,
    resource_class=OrganizationResource,
    user=None,
) -> ImportReport:
    """Validate every row of ``dataset`` and, unless ``dry_run``, write them.

    Without ``skip_invalid`` any row with an error means nothing is written. With it, the valid rows
    are written and the others left out; ``expected_invalid`` is the number of rows the keeper agreed
    to leave out: if the file now has another number (the registry changed since the preview),
    nothing is written. Every problem is reported with its row and column.
    """
    report = ImportReport(total_rows=len(dataset), dry_run=dry_run)
    headers, report.file_errors = normalise_headers(dataset.headers)
    if report.file_errors:
        return report
    dataset.headers = headers
    resource = resource_class(default_kind=default_kind)
    with transaction.atomic(using=resource.get_db_connection_name()):
        result = resource.import_data(
            dataset,
            dry_run=dry_run,
            raise_errors=False,
            use_transactions=True,
            rollback_on_validation_errors=not skip_invalid,
        )
        raw_rows = dataset.dict
        report.rows = [
            _report_row(number, row_result, raw_rows[number - 1], resource)
            for number, row_result in enumerate(result.rows, 1)
        ]
        report.file_errors = list(dict.fromkeys(_error_message(error.error) for error in result.base_errors))
        report.created_fields_of_activity = resource.created_fields_of_activity
        written = not dry_run and not report.file_errors and (skip_invalid or not report.rows_with_errors)
        if written and expected_invalid is not None and report.rows_with_errors != expected_invalid:
            transaction.set_rollback(True)
            report.file_errors.append(_changed_since_preview(expected_invalid, report.rows_with_errors))
            written = False
        report.written = written
        if written:
            pks = [row.instance.pk for row in result.valid_rows() if row.is_new() or row.is_update()]
            # The audit log names the keeper, or «Система імпорту» for the command (cms.audit).
            for action, written_rows in (("wagtail.create", "is_new"), ("wagtail.edit", "is_update")):
                instances = [row.instance for row in result.valid_rows() if getattr(row, written_rows)()]
                log_imported_objects(instances, action=action, user=user)
            if pks:
                # After the commit, and as a task: a slow or unreachable search server must not undo it.
                transaction.on_commit(lambda: index_organizations.enqueue(pks))
                # Bulk writes send no signal: the cached pages that name organisations (a deputy's faction).
                purge_sections_of(Organization)
    return report


def _changed_since_preview(expected: int, found: int) -> str:
    return ngettext(
        "The preview left out %(expected)d row, but now %(found)d rows have errors (the registry "
        "changed meanwhile). Nothing has been written: check the preview again.",
        "The preview left out %(expected)d rows, but now %(found)d rows have errors (the registry "
        "changed meanwhile). Nothing has been written: check the preview again.",
        expected,
    ) % {"expected": expected, "found": found}


def preview_lines(report: ImportReport) -> list[str]:
    """What an import would do, per registry the rows reach: «Громадські об'єднання: нових — 2, …»."""
    return [
        _("%(registry)s: new — %(new)d, changed — %(changed)d, unchanged — %(unchanged)d.")
        % {"registry": kind.list_label, **figures}
        for kind, figures in report.by_kind()
    ]


def result_lines(report: ImportReport) -> list[str]:
    """What an import wrote, per registry, as its list then shows it: «Громадські об'єднання: додано 2, …»."""
    return [
        _("%(registry)s: added %(new)d, updated %(changed)d, unchanged %(unchanged)d.")
        % {"registry": kind.list_label, **figures}
        for kind, figures in report.by_kind()
    ]


def result_messages(report: ImportReport) -> list[str]:
    """The messages after an import: per registry, and the rows it left out."""
    return result_lines(report) + ([left_out_message(report)] if report.rows_with_errors else [])


def left_out_message(report: ImportReport) -> str:
    """«Пропущено 2 рядки з помилками: 3, 7.»"""
    count = report.rows_with_errors
    return ngettext(
        "%(count)d row with errors was left out: %(rows)s.",
        "%(count)d rows with errors were left out: %(rows)s.",
        count,
    ) % {"count": count, "rows": ", ".join(str(number) for number in report.invalid_rows)}
