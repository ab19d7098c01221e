"""A citizen's comment on a draft act, and what the council made of it."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from pages.models import ActPage

from .storage import private_storage


class CommentStatus(models.TextChoices):
    """Where a comment stands in moderation; only approved and answered comments are public."""

    PENDING = "pending", _("Awaiting moderation")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    ANSWERED = "answered", _("Answered")


#: The statuses whose comments (never their e-mail) are shown on the draft and in open data.
PUBLIC_STATUSES = (CommentStatus.APPROVED, CommentStatus.ANSWERED)


class CommentOutcome(models.TextChoices):
    """What the council made of a proposal when answering it: what the summary counts."""

    TAKEN = "taken", _("Taken into account")
    PARTLY = "partly", _("Partly taken into account")
    NOT_TAKEN = "not_taken", _("Not taken into account")


class AttachmentKind(models.TextChoices):
    PDF = "pdf", "PDF"
    PNG = "png", "PNG"
    JPEG = "jpeg", "JPEG"


class Comment(models.Model):
    """One comment on a draft; the same text sent again to the same draft only raises ``repeats``."""

    draft = models.ForeignKey(
        ActPage,
        on_delete=models.CASCADE,
        related_name="discussion_comments",
        verbose_name=pgettext_lazy("draft decision", "draft"),
    )
    author_name = models.CharField(pgettext_lazy("person", "name"), max_length=200)
    email = models.EmailField(_("e-mail"), max_length=254)
    text = models.TextField(_("comment"))
    text_key = models.CharField(
        _("text fingerprint"), max_length=64, editable=False, help_text=_("Of the normalised text.")
    )
    repeats = models.PositiveIntegerField(
        _("times received"), default=1, help_text=_("How many times this same text was sent.")
    )
    attachment = models.FileField(
        _("attachment"), storage=private_storage, upload_to="discussion/%Y/%m", blank=True
    )
    attachment_kind = models.CharField(_("attachment type"), max_length=8, choices=AttachmentKind, blank=True)
    consent_given_at = models.DateTimeField(_("consent to personal data processing given at"))
    created_at = models.DateTimeField(_("received at"), auto_now_add=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=16, choices=CommentStatus, default=CommentStatus.PENDING, db_index=True
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    reply = models.TextField(_("council's reply"), blank=True)
    outcome = models.CharField(_("outcome"), max_length=16, choices=CommentOutcome, blank=True)
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["draft", "text_key"], name="discussion_unique_text_per_draft"),
        ]

    def __str__(self):
        return f"{self.author_name}: {self.text[:60]}"
