"""The document form of the admin: a signed scan keeps its file.

A document in the «Підписані скани» collection (or one under it) is the original signed by the council;
replacing its file would change what the act's page links to with no trace. Its file cannot be replaced:
the new version is uploaded as a new document and both are kept. Set as ``WAGTAILDOCS_DOCUMENT_FORM_BASE``.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection

from cms.document_forms import CouncilDocumentForm

from .definitions import SIGNED_SCANS


def is_signed_scan(document) -> bool:
    """Whether ``document`` (as stored) is in the signed scans collection or a collection under it."""
    if document.pk is None:
        return False
    stored = type(document).objects.select_related("collection").get(pk=document.pk)
    return (
        Collection.objects.ancestor_of(stored.collection, inclusive=True).filter(name=SIGNED_SCANS).exists()
    )


class SignedScanDocumentForm(CouncilDocumentForm):
    """The core's document form (text extraction after the upload) that also keeps a signed scan's file."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if "file" in self.changed_data and is_signed_scan(self.instance):
            raise ValidationError(
                _(
                    "A signed scan cannot be replaced. Upload the new version as a new document "
                    "and attach it to the act: both versions are kept."
                ),
                code="signed_scan",
            )
        return file
