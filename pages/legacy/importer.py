"""The import run: stream records from a reader, write them in batches, index once at the end."""

import datetime
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from cms.bulk import index_in_bulk

from .records import RecordError

DEFAULT_BATCH_SIZE = 500


@dataclass
class Failure:
    line: int | str | None
    legacy_id: str | None
    reason: str
    detail: str


@dataclass
class Summary:
    """What a run did: counts per outcome and every failure with its line and reason."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    failures: list[Failure] = field(default_factory=list)
    images_missing: int = 0
    index_seconds: float = 0.0

    @property
    def failed(self) -> int:
        return len(self.failures)

    def fail(self, error: RecordError):
        self.failures.append(Failure(error.line, error.legacy_id, error.reason, error.detail))

    def failed_by_reason(self) -> Counter:
        return Counter(failure.reason for failure in self.failures)

    def failure_details(self):
        return [(failure.reason, failure.detail) for failure in self.failures]


@contextmanager
def deferred_search_indexing():
    """Disconnect modelsearch's save/delete handlers, so that no page or document is indexed one by one.

    The importer indexes everything it wrote in bulk at the end (``index_imported``).
    """
    from modelsearch import index, signal_handlers

    models = [model for model in index.get_indexed_models() if getattr(model, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(signal_handlers.post_save_signal_handler, sender=model)
        post_delete.disconnect(signal_handlers.post_delete_signal_handler, sender=model)
    try:
        yield
    finally:
        for model in models:
            post_save.connect(signal_handlers.post_save_signal_handler, sender=model)
            post_delete.connect(signal_handlers.post_delete_signal_handler, sender=model)


def index_imported(since: datetime.datetime, chunk_size: int = 500) -> int:
    """Index, with every configured backend, the pages and documents written since ``since``, in chunks."""
    from cms.models import CouncilDocument
    from pages.models import LegacyItem

    from .writers import MODELS

    total = 0
    for item_type, model in MODELS.items():
        ids = (
            LegacyItem.objects.filter(imported_at__gte=since, item_type=item_type)
            .order_by("page_id")
            .values_list("page_id", flat=True)
        )
        total += index_in_bulk(model, ids.iterator(chunk_size=chunk_size), chunk_size=chunk_size)
    documents = (
        CouncilDocument.objects.filter(created_at__gte=since).order_by("pk").values_list("pk", flat=True)
    )
    index_in_bulk(CouncilDocument, documents.iterator(chunk_size=chunk_size), chunk_size=chunk_size)
    return total


def _accept(record, only, since) -> bool:
    if only and record.type not in only:
        return False
    return not (since and record.published.date() < since)


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
) -> Summary:
    """Import a stream of LegacyRecord / RecordError; safe to run again (identity: ``legacy_id``).

    Each batch is one transaction: an interruption loses at most the current batch, and a re-run
    skips what was committed (unchanged hash). A batch that fails in the database is retried item
    by item so that one bad item does not stop its neighbours. ``dry_run`` reads and checks every
    item (dates, types, files, issuers) and writes nothing.
    """
    from .writers import PageWriter

    started = datetime.datetime.now(datetime.UTC)
    summary = Summary()
    writer = PageWriter(bundle=bundle, dry_run=dry_run)
    only = set(only) if only else None

    def run(batch):
        new, changed, unchanged, failures, files = writer.classify(batch)
        for error in failures:
            summary.fail(error)
        summary.unchanged += len(unchanged)
        if dry_run:
            summary.created += len(new)
            summary.updated += len(changed)
            return
        try:
            with transaction.atomic():
                writer.write(new, changed, files)
        except RecordError as error:
            if len(new) + len(changed) == 1:
                error.line, error.legacy_id = batch[0].line, batch[0].legacy_id
                summary.fail(error)
                return
            for record in new + changed:
                run_one(record)
            return
        except Exception as error:  # noqa: BLE001
            if len(new) + len(changed) <= 1:
                record = (new + changed)[0]
                summary.fail(
                    RecordError("database error", str(error), line=record.line, legacy_id=record.legacy_id)
                )
                return
            for record in new + changed:
                run_one(record)
            return
        summary.created += len(new)
        summary.updated += len(changed)

    def run_one(record):
        # The failed batch was rolled back: forget the paths and parents it may have created.
        writer.next_step.clear()
        writer.parents.clear()
        run([record])

    with deferred_search_indexing():
        batch = []
        for item in records:
            if progress is not None:
                progress.update(1)
            if isinstance(item, RecordError):
                summary.fail(item)
                continue
            if not _accept(item, only, since):
                summary.skipped += 1
                continue
            batch.append(item)
            if len(batch) >= batch_size:
                run(batch)
                batch = []
        if batch:
            run(batch)
        if not dry_run:
            with transaction.atomic():
                writer.finish()
    summary.images_missing = writer.images_missing
    if index and not dry_run:
        index_started = time.perf_counter()
        index_imported(started)
        summary.index_seconds = time.perf_counter() - index_started
    return summary
