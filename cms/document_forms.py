"""The admin's document form (``WAGTAILDOCS_DOCUMENT_FORM_BASE``): it queues the text extraction."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

from .models import ExtractionStatus
from .tasks import schedule_text_extraction


def extraction_summary(document) -> str:
    """Where the document's text stands, with the reason when it was not extracted."""
    if not document.pk:
        return ""
    summary = str(document.get_extraction_status_display())
    if document.extraction_error:
        summary = f"{summary}: {document.extraction_error}"
    return summary


class CouncilDocumentForm(BaseDocumentForm):
    """Wagtail's document form that queues the text extraction once a new file's upload commits.

    Wagtail's add and edit views save inside a transaction, so the task starts after the commit and
    the upload answers at once. Editors see the extraction's state and reason in a read-only field.
    """

    extraction = forms.CharField(
        label=_("Text for search"),
        required=False,
        disabled=True,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("The text is extracted from the file in the background after it is uploaded."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["extraction"].initial = extraction_summary(self.instance)
        if not self.instance.pk:
            del self.fields["extraction"]

    def save(self, commit=True):
        new_file = "file" in self.changed_data
        if new_file:
            self.instance.extraction_status = ExtractionStatus.PENDING
            self.instance.extraction_error = ""
        document = super().save(commit=commit)
        if new_file and commit:
            schedule_text_extraction(document=document)
        return document
