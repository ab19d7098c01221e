from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from tqdm import tqdm

from pages.legacy.dates import LegacyDateError, parse_legacy_date
from pages.legacy.importer import DEFAULT_BATCH_SIZE, import_records
from pages.legacy.readers import open_source
from pages.legacy.records import TYPES


class Command(BaseCommand):
    help = (
        "Import the old site's content from an export bundle (a folder or .zip with items.jsonl and files/, "
        "one CSV per content type, or a Plone collective.exportimport JSON). Safe to run again: items are "
        "identified by legacy_id, unchanged ones are skipped. See docs/import.md."
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
        parser.add_argument("--no-progress", action="store_true", help="Do not show the progress bar.")

    def handle(self, *args, path, dry_run, only, since, batch_size, no_progress, **options):
        try:
            since_date = parse_legacy_date(since) if since else None
        except LegacyDateError as exc:
            raise CommandError(f"--since: {exc}") from None
        try:
            bundle, records = open_source(path)
        except FileNotFoundError as exc:
            raise CommandError(f"Cannot read the bundle: {exc}") from None
        progress = tqdm(unit=" items", disable=no_progress or options["verbosity"] < 1, file=self.stderr._out)
        try:
            summary = import_records(
                records,
                bundle=bundle,
                dry_run=dry_run,
                only=only,
                since=since_date,
                batch_size=batch_size,
                progress=progress,
            )
        finally:
            progress.close()
            bundle.close()
        self.print_summary(summary, dry_run=dry_run)

    def print_summary(self, summary, *, dry_run):
        title = _("Dry run: nothing was written") if dry_run else _("Import finished")
        rows = [
            ("created", summary.created),
            ("updated", summary.updated),
            ("unchanged", summary.unchanged),
            ("skipped (--only/--since)", summary.skipped),
            ("failed", summary.failed),
        ]
        rows += [
            (f"  failed: {reason}", count) for reason, count in sorted(summary.failed_by_reason().items())
        ]
        if summary.images_missing:
            rows.append(("images not found in the bundle", summary.images_missing))
        width = max(len(label) for label, _ in rows)
        self.stdout.write(title)
        self.stdout.write("-" * (width + 10))
        for label, count in rows:
            self.stdout.write(f"{label:<{width}}  {count:>7}")
        for failure in summary.failures:
            where = f"line {failure.line}" if failure.line is not None else "item"
            ident = f" [{failure.legacy_id}]" if failure.legacy_id else ""
            detail = f": {failure.detail}" if failure.detail else ""
            self.stderr.write(f"{where}{ident}: {failure.reason}{detail}")
