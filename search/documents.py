"""Attachments' text: extracted on upload, import and edit, then indexed with the pages that attach them.

Wagtail 8 has no hook around the document add/edit views, so ``fill_document_text`` is connected to
the document model's ``pre_save`` in ``search.apps`` and every path that saves a document (admin add,
multiple upload, edit with a new file) fills ``extracted_text`` and ``content_hash``. The legacy importer
bulk-creates its documents, sends no signal, and fills both fields itself with the same functions.
"""

from modelsearch.tasks import insert_or_update_object_task
from wagtail.models import Page, ReferenceIndex

from cms.extraction import content_hash, extract_text


def fill_document_text(*, document) -> bool:
    """Set ``extracted_text`` and ``content_hash`` from the document's file if the file changed.

    Returns True when the text was (re)extracted.
    """
    if not document.file:
        return False
    file = document.file
    uploaded = not getattr(file, "_committed", True)
    if not uploaded and document.content_hash:
        return False
    try:
        file.open("rb")
        try:
            file.seek(0)
            data = file.read()
            file.seek(0)
        finally:
            if not uploaded:
                file.close()
    except OSError:
        # A missing or unreadable file must not stop a save; the text stays empty until it is fixed.
        return False
    digest = content_hash(data)
    if digest == document.content_hash and document.extracted_text:
        return False
    document.content_hash = digest
    document.extracted_text = extract_text(data, file.name)
    return True


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


def on_document_pre_save(sender, instance, raw=False, **kwargs):
    if raw:
        return
    instance._search_text_changed = fill_document_text(document=instance)


def on_document_post_save(sender, instance, created=False, raw=False, **kwargs):
    if raw or created or not getattr(instance, "_search_text_changed", False):
        return
    reindex_pages_attaching(document=instance)
