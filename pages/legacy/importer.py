"""The import run: stream records from a reader, write them in batches, then the resumable post-pass."""

import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from modelsearch import index as search_index
from modelsearch import signal_handlers

from pages.models import LegacyItem

from .dates import KYIV
from .postpass import run_postpass
from .records import RecordError, SkippedItem
from .writers import PageWriter

DEFAULT_BATCH_SIZE = 500
#: How many line numbers a summary names for a value that fails many lines.
FIRST_LINES = 5


@dataclass
class Failure:
    line: int | str | None
    legacy_id: str | None
    reason: str
    detail: str
    field: str = ""
    value: str | None = None


@dataclass
class UnknownValue:
    """One value that failed items (an unknown issuer, act type...): how many, and the first lines."""

    reason: str
    field: str
    value: str
    count: int = 0
    lines: list = field(default_factory=list)


@dataclass
class Summary:
    """What a run did: counts per outcome and every failure with its line and reason."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    #: Elements of the export that are no content of their own (Plone folders), by reason.
    skipped_items: Counter = field(default_factory=Counter)
    failures: list[Failure] = field(default_factory=list)
    #: (line, legacy_id, path) of each body image of a written item that the bundle does not hold.
    images_missing: list = field(default_factory=list)
    #: Items imported before that this export no longer holds (removed from the old site?): their pages stay.
    absent: list[str] = field(default_factory=list)
    issuers_created: list[str] = field(default_factory=list)
    postpass: dict = field(default_factory=dict)
    index_seconds: float = 0.0

    @property
    def failed(self) -> int:
        return len(self.failures)

    def fail(self, error: RecordError):
        self.failures.append(
            Failure(error.line, error.legacy_id, error.reason, error.detail, error.field, error.value)
        )

    def failed_by_reason(self) -> Counter:
        return Counter(failure.reason for failure in self.failures)

    def unknown_values(self) -> list[UnknownValue]:
        """Failures that name a value, grouped by (reason, field, value) in the order first met."""
        groups = {}
        for failure in self.failures:
            if failure.value is None:
                continue
            key = (failure.reason, failure.field, failure.value)
            group = groups.setdefault(key, UnknownValue(*key))
            group.count += 1
            if len(group.lines) < FIRST_LINES:
                group.lines.append(failure.line)
        return list(groups.values())

    def missing_images(self) -> list[UnknownValue]:
        """The body images not in the bundle, once per path: how many times, and the first lines."""
        groups = {}
        for line, _legacy_id, path in self.images_missing:
            group = groups.setdefault(path, UnknownValue("missing image", "body_html", path))
            group.count += 1
            if len(group.lines) < FIRST_LINES:
                group.lines.append(line)
        return list(groups.values())

    def line_failures(self) -> list[Failure]:
        """Failures reported one by one: those that name no value."""
        return [failure for failure in self.failures if failure.value is None]


@contextmanager
def deferred_search_indexing():
    """Disconnect modelsearch's save/delete handlers, so that no page or document is indexed one by one.

    The post-pass indexes everything the import wrote in bulk (``pages.legacy.postpass.index_pending``).
    """
    models = [
        model for model in search_index.get_indexed_models() if getattr(model, "search_auto_update", True)
    ]
    for model in models:
        post_save.disconnect(signal_handlers.post_save_signal_handler, sender=model)
        post_delete.disconnect(signal_handlers.post_delete_signal_handler, sender=model)
    try:
        yield
    finally:
        for model in models:
            post_save.connect(signal_handlers.post_save_signal_handler, sender=model)
            post_delete.connect(signal_handlers.post_delete_signal_handler, sender=model)


class _Run:
    """One run's batches: each written in a transaction, retried item by item if it fails."""

    def __init__(self, writer: PageWriter, summary: Summary, *, dry_run: bool):
        self.writer = writer
        self.summary = summary
        self.dry_run = dry_run

    def batch(self, batch):
        new, changed, unchanged, failures, files = self.writer.classify(batch)
        for error in failures:
            self.summary.fail(error)
        self.summary.unchanged += len(unchanged)
        if self.dry_run:
            self.writer.check(new + changed)
            self.summary.created += len(new)
            self.summary.updated += len(changed)
            return
        try:
            with transaction.atomic():
                self.writer.write(new, changed, files)
        except Exception as error:  # noqa: BLE001 - a failed batch is retried item by item
            self._failed(new + changed, error)
            return
        self.summary.created += len(new)
        self.summary.updated += len(changed)

    def _failed(self, records, error):
        # The batch was rolled back: forget the paths and parents it may have created.
        self.writer.forget()
        if len(records) > 1:
            for record in records:
                self.batch([record])
            return
        if not isinstance(error, RecordError):
            error = RecordError("database error", str(error))
        error.line, error.legacy_id = records[0].line, records[0].legacy_id
        self.summary.fail(error)


def _accept(record, only, since) -> bool:
    if only and record.type not in only:
        return False
    # The day in Kyiv, as the page's date and the counts by month have it, not the day of the offset given.
    return not (since and record.published.astimezone(KYIV).date() < since)


def _absent(present: set, only) -> list[str]:
    """The ``legacy_id``s imported before (of the ``only`` types) that the export no longer holds."""
    items = LegacyItem.objects.order_by("pk")
    if only:
        items = items.filter(item_type__in=only)
    return [
        legacy_id
        for legacy_id in items.values_list("legacy_id", flat=True).iterator()
        if legacy_id not in present
    ]


def import_records(
    records,
    *,
    bundle=None,
    dry_run=False,
    only=None,
    since=None,
    batch_size=DEFAULT_BATCH_SIZE,
    progress=None,
    index=True,
    create_missing_issuers=False,
    overwrite_edited=False,
) -> Summary:
    """Import a stream of LegacyRecord / RecordError; safe to run again (identity: ``legacy_id``).

    Each batch is one transaction: an interruption loses at most the current batch, and a re-run
    skips what was committed (unchanged hash). The post-pass then does what every item imported by
    this run or an earlier, interrupted one still waits for (see ``pages.legacy.postpass``). A batch
    that fails in the database is retried item by item so that one bad item does not stop its
    neighbours. ``dry_run`` reads and checks every item (dates, types, files, issuers), writes nothing.
    """
    summary = Summary()
    writer = PageWriter(
        bundle=bundle,
        dry_run=dry_run,
        create_missing_issuers=create_missing_issuers,
        overwrite_edited=overwrite_edited,
    )
    run = _Run(writer, summary, dry_run=dry_run)
    only = set(only) if only else None
    with deferred_search_indexing():
        batch = []
        present = set()
        for item in records:
            if getattr(item, "legacy_id", None):
                present.add(item.legacy_id)
            if progress is not None:
                progress.update(1)
            if isinstance(item, RecordError):
                summary.fail(item)
            elif isinstance(item, SkippedItem):
                summary.skipped_items[item.reason] += 1
            elif not _accept(item, only, since):
                summary.skipped += 1
            else:
                batch.append(item)
            if len(batch) >= batch_size:
                run.batch(batch)
                batch = []
        if batch:
            run.batch(batch)
        if since is None:
            summary.absent = _absent(present, only)
        summary.images_missing = list(writer.images_missing)
        summary.issuers_created = list(writer.issuers.created)
        if not dry_run:
            started = time.perf_counter()
            summary.postpass = run_postpass(index=index)
            summary.index_seconds = time.perf_counter() - started
    return summary
