"""Load the electronic voting system's results (one row per ballot) from a CSV or XLSX file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from council.imports_file import read_votes_file
from council.imports_service import import_votes, row_list, summary_lines
from council.models import Convocation
from registry import files
from registry.commands import add_file_arguments, read_file

FORMATS = ("csv", "xlsx")


class Command(BaseCommand):
    help = (
        "Import roll-call votes from FILE: CSV (UTF-8 or Windows-1251, ';' or ',') or XLSX, one row per "
        "ballot, with the Ukrainian headers described in docs/council.md («Сесія», «Дата сесії», «Номер "
        "питання», «Питання порядку денного», «Голосування», «Депутат», «Голос», «Час»). Sessions, items "
        "and votes already imported are updated, never duplicated; any error in any row writes nothing "
        "and the command fails listing the rows."
    )

    def add_arguments(self, parser):
        add_file_arguments(parser, formats=FORMATS)
        parser.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
        parser.add_argument(
            "--convocation", type=int, help="the convocation's number (default: the one sitting on each date)"
        )

    @staticmethod
    def read(options):
        """The file's rows: a CSV as the registry reads it, a workbook with its merged cells filled."""
        if (options["format"] or files.guess_format(options["file"])) != "xlsx":
            return read_file(options, formats=FORMATS)  # also every complaint about the path and format
        path = Path(options["file"])
        if not path.is_file():
            return read_file(options, formats=FORMATS)
        try:
            return read_votes_file(content=path.read_bytes(), file_format="xlsx")
        except files.RegistryFileError as error:
            raise CommandError(str(error)) from error

    def handle(self, *args, **options):
        dataset = self.read(options)
        convocation = None
        if options["convocation"] is not None:
            convocation = Convocation.objects.filter(number=options["convocation"]).first()
            if convocation is None:
                raise CommandError(
                    _("There is no convocation %(number)s.") % {"number": options["convocation"]}
                )
        report = import_votes(dataset=dataset, dry_run=options["dry_run"], convocation=convocation)
        for problem in report.row_problems:
            column = f" [{problem.column}]" if problem.column else ""
            self.stderr.write(_("Row %(row)d%(column)s: %(message)s") % {**vars(problem), "column": column})
        if report.file_errors:
            raise CommandError(" ".join(report.file_errors))
        if report.invalid_rows:
            raise CommandError(
                _(
                    "Rows with errors: %(rows)s. Nothing has been written: "
                    "correct the file and import it again."
                )
                % {"rows": row_list(report.invalid_rows)}
            )
        if report.dry_run:
            self.stdout.write(_("Checked, nothing has been written."))
        for line in summary_lines(report):
            self.stdout.write(self.style.SUCCESS(line))
