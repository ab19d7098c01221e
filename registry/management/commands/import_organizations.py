"""Load organisations into the registry from a CSV, XLSX or JSON file, as the admin's import does."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from registry import services
from registry.models import OrganizationKind


class Command(BaseCommand):
    help = (
        "Import NGOs and party organisations from FILE (CSV in UTF-8 or Windows-1251 with ',' or ';', "
        "XLSX or "
        "JSON; Ukrainian column headers as the admin's export writes them). The EDRPOU code identifies an "
        "organisation: existing ones are updated. Any error in any row writes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the file to import")
        parser.add_argument("--dry-run", action="store_true", help="validate and report, write nothing")
        parser.add_argument("--format", choices=services.FORMATS, help="file format (default: by extension)")
        parser.add_argument("--encoding", choices=services.ENCODINGS, default="auto", help="CSV encoding")
        parser.add_argument(
            "--delimiter", choices=list(services.DELIMITERS), default="auto", help="CSV delimiter"
        )
        parser.add_argument(
            "--kind",
            choices=OrganizationKind.values,
            default=OrganizationKind.NGO,
            help="type of rows without the «Тип» column (default: ngo)",
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Файл не знайдено: {path}")
        file_format = options["format"] or services.guess_format(path.name)
        if not file_format:
            raise CommandError("Не вдалося визначити формат за розширенням: вкажіть --format csv|xlsx|json.")
        try:
            dataset = services.read_dataset(
                content=path.read_bytes(),
                file_format=file_format,
                encoding=options["encoding"],
                delimiter=options["delimiter"],
            )
        except services.RegistryFileError as error:
            raise CommandError(str(error)) from error
        report = services.import_organizations(
            dataset=dataset, dry_run=options["dry_run"], default_kind=options["kind"]
        )
        for error in report.file_errors:
            self.stderr.write(error)
        for problem in report.row_problems:
            column = f" [{problem.column}]" if problem.column else ""
            self.stderr.write(f"Рядок {problem.row}{column}: {problem.message}")
        if report.created_fields_of_activity:
            self.stdout.write("Нові напрями діяльності: " + ", ".join(report.created_fields_of_activity))
        if report.has_errors:
            raise CommandError(
                f"Помилок: {len(report.file_errors) + len(report.row_problems)} "
                f"у {report.rows_with_errors} рядках. Нічого не записано."
            )
        verb = "Перевірено (нічого не записано)" if report.dry_run else "Імпортовано"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb}: рядків {report.total_rows}, нових {report.new}, "
                f"оновлених {report.updated}, без змін {report.unchanged}."
            )
        )
