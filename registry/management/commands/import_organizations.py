"""Load organisations into the registry from a CSV, XLSX or JSON file, as the admin's import does."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from registry import services
from registry.commands import add_file_arguments, read_file
from registry.models import OrganizationKind


class Command(BaseCommand):
    help = (
        "Import NGOs and party organisations from FILE (CSV in UTF-8 or Windows-1251 with ',' or ';', "
        "XLSX or JSON; Ukrainian column headers as the admin's export writes them). The EDRPOU code "
        "identifies an organisation: existing ones are updated. Any error in any row writes nothing, unless "
        "--skip-invalid is given: then the valid rows are written, and the command lists the rows left out "
        "and fails."
    )

    def add_arguments(self, parser):
        add_file_arguments(parser)
        parser.add_argument("--dry-run", action="store_true", help="validate and report, write nothing")
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="write the valid rows and leave out the rows with errors (listed; the exit status is 1)",
        )
        parser.add_argument(
            "--kind",
            choices=OrganizationKind.values,
            default=OrganizationKind.NGO,
            help="type of rows without the «Тип» column (default: ngo)",
        )

    def handle(self, *args, **options):
        dataset = read_file(options)
        report = services.import_organizations(
            dataset=dataset,
            dry_run=options["dry_run"],
            default_kind=options["kind"],
            skip_invalid=options["skip_invalid"],
        )
        self._print_problems(report)
        if report.file_errors:
            raise CommandError(" ".join(report.file_errors))
        if report.rows_with_errors and not report.written and not report.dry_run:
            raise CommandError(self._nothing_written(report))
        self._print_outcome(report)
        if report.rows_with_errors:
            raise CommandError(services.left_out_message(report))

    def _print_problems(self, report):
        for problem in report.row_problems:
            column = f" [{problem.column}]" if problem.column else ""
            self.stderr.write(_("Row %(row)d%(column)s: %(message)s") % {**vars(problem), "column": column})

    def _nothing_written(self, report) -> str:
        return _(
            "Rows with errors: %(rows)s. Nothing has been written: correct the file, or give --skip-invalid "
            "to write the valid rows only."
        ) % {"rows": ", ".join(str(number) for number in report.invalid_rows)}

    def _print_outcome(self, report):
        if report.created_fields_of_activity:
            self.stdout.write(
                _("New fields of activity: %(names)s.")
                % {"names": ", ".join(report.created_fields_of_activity)}
            )
        if report.dry_run:
            self.stdout.write(_("Checked, nothing has been written."))
        lines = services.preview_lines(report) if report.dry_run else services.result_lines(report)
        for line in lines:
            self.stdout.write(self.style.SUCCESS(line))
