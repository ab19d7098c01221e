"""Attachments judged by their content, never by their name or the browser's word for their type."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import AttachmentKind

DEFAULT_MAX_SIZE = 5 * 1024 * 1024

#: The leading bytes of each accepted type. HTML, scripts and executables (MZ, ELF, #!) match none.
SIGNATURES = (
    (b"%PDF-", AttachmentKind.PDF),
    (b"\x89PNG\r\n\x1a\n", AttachmentKind.PNG),
    (b"\xff\xd8\xff", AttachmentKind.JPEG),
)
EXTENSIONS = {AttachmentKind.PDF: "pdf", AttachmentKind.PNG: "png", AttachmentKind.JPEG: "jpg"}
CONTENT_TYPES = {
    AttachmentKind.PDF: "application/pdf",
    AttachmentKind.PNG: "image/png",
    AttachmentKind.JPEG: "image/jpeg",
}


def max_size() -> int:
    return int(getattr(settings, "DISCUSSION_MAX_ATTACHMENT_SIZE", DEFAULT_MAX_SIZE))


def sniff(head: bytes) -> str | None:
    """The attachment kind whose signature ``head`` starts with, or None."""
    for signature, kind in SIGNATURES:
        if head.startswith(signature):
            return kind
    return None


def check_attachment(upload) -> str:
    """The kind of an uploaded file, or ``ValidationError`` if it is too big or not a PDF, PNG or JPEG."""
    if upload.size > max_size():
        raise ValidationError(
            _("The file is too large: at most %(mb)d MB.") % {"mb": max_size() // (1024 * 1024)},
            code="too_large",
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    kind = sniff(head)
    if kind is None:
        raise ValidationError(_("Only PDF documents and PNG or JPEG images can be attached."), code="type")
    return kind
