"""The admin's document views with the text extraction wired in (registered in ``wagtail_hooks``).

Wagtail 8 has no hook after a document is created, and its multiple upload saves the document with
``form.save(commit=False)`` then ``save()``, so this subclass queues the extraction itself; the
listing gains a column with the extraction's state, so editors see which files have no text.
"""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.documents.views import documents, multiple

from .document_forms import extraction_summary
from .tasks import schedule_text_extraction


class DocumentIndexView(documents.IndexView):
    """Wagtail's document listing with a «text for search» column."""

    @cached_property
    def columns(self):
        columns = list(super().columns)
        columns.insert(-1, Column("extraction", label=_("Text for search"), accessor=extraction_summary))
        return columns


class DocumentMultipleAddView(multiple.AddView):
    """Wagtail's multiple upload, queueing each new document's text extraction after it commits."""

    def save_object(self, form):
        document = super().save_object(form)
        schedule_text_extraction(document=document)
        return document
