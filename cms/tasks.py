"""Background work of the core: attachments' text extraction, queued once the upload commits."""

from functools import partial

from django.db import transaction
from django_tasks import task

from .documents import extract_document_text


@task()
def extract_document_text_task(document_id: int) -> None:
    """Extract a document's text in a bounded child process and re-index the pages attaching it."""
    extract_document_text(document_id=document_id)


def schedule_text_extraction(*, document) -> None:
    """Queue the extraction of a saved document's text for when the current transaction commits.

    The upload answers at once; with the immediate task backend the text is there when the
    transaction ends, with the database queue when ``manage.py db_worker`` has run the task.
    """
    transaction.on_commit(partial(extract_document_text_task.enqueue, document.pk))
