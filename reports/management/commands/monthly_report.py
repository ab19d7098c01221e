from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from cms.dates import parse_month
from reports.monthly import build_report
from reports.render import FORMATS, render


class Command(BaseCommand):
    help = (
        "Write the department's monthly activity report: publications by publication date, videos, "
        "interactions with NGOs and parties, and the editors' notes for the month."
    )

    def add_arguments(self, parser):
        parser.add_argument("--month", required=True, help="The month, as YYYY-MM (e.g. 2018-11).")
        parser.add_argument(
            "--format", default="md", choices=sorted(FORMATS), help="Output format (default md)."
        )
        parser.add_argument(
            "-o", "--output", help="File to write; Markdown or HTML go to standard output if omitted."
        )

    def handle(self, *args, month, format, output, **options):
        try:
            first_day = parse_month(month)
        except ValueError as error:
            raise CommandError(f"--month: {error}") from error
        if format == "docx" and not output:
            raise CommandError("--format docx needs -o FILE: a Word document cannot go to the terminal.")
        with translation.override("uk"):
            content = render(build_report(month=first_day), format)
        if output:
            try:
                Path(output).write_bytes(content)
            except OSError as error:
                raise CommandError(f"-o {output}: {error.strerror}") from error
            self.stderr.write(f"Written {output} ({len(content)} bytes)")
        else:
            self.stdout.write(content.decode(), ending="")
