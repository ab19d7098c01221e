import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from tqdm import tqdm

from pages.legacy.dates import LegacyDateError, parse_legacy_date
from pages.legacy.importer import DEFAULT_BATCH_SIZE, import_records
from pages.legacy.messages import absent_line, failure_line, summary_rows, unknown_value_line
from pages.legacy.readers import open_source
from pages.legacy.records import TYPES


class Command(BaseCommand):
    help = (
        "Import the old site's content from an export bundle (a folder or .zip with items.jsonl and files/, "
        "one CSV per content type, or a Plone collective.exportimport JSON). Safe to run again: items are "
        "identified by legacy_id, unchanged ones are skipped, and the work an interrupted run left "
        "(relations, links, search index) is finished. See docs/import.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The bundle: a folder, a .zip or a Plone .json file.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Read and check everything, write nothing."
        )
        parser.add_argument(
            "--only",
            action="append",
            choices=TYPES,
            metavar="TYPE",
            help=f"Import only this type ({', '.join(TYPES)}); may be repeated.",
        )
        parser.add_argument("--since", help="Import only items published on or after this date (YYYY-MM-DD).")
        parser.add_argument(
            "--batch-size",
            type=int,
            default=DEFAULT_BATCH_SIZE,
            help="Items per transaction (default %(default)s).",
        )
        parser.add_argument(
            "--create-missing-issuers",
            action="store_true",
            help="Create an issuer for every issuer name no issuer has (by name, short name or other names).",
        )
        parser.add_argument(
            "--overwrite-edited",
            action="store_true",
            help="Update a changed item even if its page was edited on the new site since it was imported "
            "(by default such a page is kept and reported).",
        )
        parser.add_argument("--no-progress", action="store_true", help="Do not show the progress bar.")

    def handle(self, *args, path, dry_run, only, since, batch_size, no_progress, **options):
        try:
            since_date = parse_legacy_date(since) if since else None
        except LegacyDateError as exc:
            raise CommandError(f"--since: {exc}") from None
        try:
            bundle, records = open_source(path)
        except FileNotFoundError as exc:
            raise CommandError(_("Cannot read the bundle: %(error)s") % {"error": exc}) from None
        progress = tqdm(unit=" items", disable=no_progress or options["verbosity"] < 1, file=sys.stderr)
        try:
            summary = import_records(
                records,
                bundle=bundle,
                dry_run=dry_run,
                only=only,
                since=since_date,
                batch_size=batch_size,
                progress=progress,
                create_missing_issuers=options["create_missing_issuers"],
                overwrite_edited=options["overwrite_edited"],
            )
        finally:
            progress.close()
            bundle.close()
        self.print_summary(summary, dry_run=dry_run)

    def print_summary(self, summary, *, dry_run):
        rows = summary_rows(summary)
        width = max(len(label) for label, _count in rows)
        self.stdout.write(_("Dry run: nothing was written") if dry_run else _("Import finished"))
        self.stdout.write("-" * (width + 10))
        for label, count in rows:
            self.stdout.write(f"{label:<{width}}  {count:>7}")
        if summary.issuers_created:
            self.stdout.write(_("Issuers created: %(names)s") % {"names": ", ".join(summary.issuers_created)})
        if summary.absent:
            self.stdout.write(absent_line(summary.absent))
        for group in summary.missing_images():
            self.stderr.write(unknown_value_line(group))
        for group in summary.unknown_values():
            self.stderr.write(unknown_value_line(group))
        for failure in summary.line_failures():
            self.stderr.write(failure_line(failure))
