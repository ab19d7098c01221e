"""Attachments' text: extracted after the upload commits, then indexed with the pages that attach them.

``extract_document_text`` is the work of the task ``cms.tasks.extract_document_text_task``: it reads
the stored file, runs the bounded extractor (``cms.extraction_runner``) in a child process, records
the text or the reason it failed, and queues a re-index of every page that attaches the document.
Nothing of this runs in the upload request, in ``save()`` or in a signal (issue 12).
"""

import logging

from modelsearch.tasks import insert_or_update_object_task
from wagtail.models import Page, ReferenceIndex

from .extraction import content_hash
from .extraction_runner import extract_bounded, unreadable_file
from .models import CouncilDocument, ExtractionStatus

logger = logging.getLogger(__name__)


def pages_attaching(document):
    """Pages whose StreamFields reference the document (Wagtail's reference index)."""
    refs = ReferenceIndex.get_references_to(document).filter(
        base_content_type__model="page", base_content_type__app_label="wagtailcore"
    )
    ids = {int(pk) for pk in refs.values_list("object_id", flat=True)}
    return Page.objects.filter(pk__in=ids).specific()


def reindex_pages_attaching(*, document) -> int:
    """Queue a re-index of every page that attaches the document; returns how many."""
    count = 0
    for page in pages_attaching(document):
        insert_or_update_object_task.enqueue(page._meta.app_label, page._meta.model_name, str(page.pk))
        count += 1
    return count


def _read(document) -> bytes | None:
    try:
        with document.file.open("rb") as handle:
            return handle.read()
    except (OSError, ValueError):
        return None


def extract_document_text(*, document_id: int) -> CouncilDocument | None:
    """Extract the text of a stored document within the limits and record the outcome.

    A file whose content hash and text are already recorded is not read again. Returns the document,
    or None when it was deleted before the task ran.
    """
    document = CouncilDocument.objects.filter(pk=document_id).first()
    if document is None:
        return None
    data = _read(document) if document.file else None
    if data is None:
        outcome = unreadable_file()
        digest = document.content_hash
    else:
        digest = content_hash(data)
        if digest == document.content_hash and document.extraction_status == ExtractionStatus.DONE:
            return document
        outcome = extract_bounded(data, document.file.name)
    fields = {**outcome.fields, "content_hash": digest}
    # update(), not save(): the task records its result and nothing else of a document an editor
    # may be editing meanwhile.
    CouncilDocument.objects.filter(pk=document.pk).update(**fields)
    for name, value in fields.items():
        setattr(document, name, value)
    reindex_pages_attaching(document=document)
    return document
