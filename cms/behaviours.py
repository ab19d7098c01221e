"""Behaviours: abstract mixins, one concern each, shared by several page types.

Django cannot merge ``content_panels`` or ``search_fields`` through inheritance, so each
behaviour exposes its own ``panels`` and ``search_fields`` and the page type composes them
explicitly::

    class ActPage(HasAttachments, OpenForDiscussion, BasePage):
        content_panels = BasePage.content_panels + HasAttachments.panels + OpenForDiscussion.panels
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from .blocks import AttachmentBlock


def local_today():
    return timezone.localdate()


class PublicationDated(models.Model):
    """The date an item was published, as citizens see it and the monthly report counts it."""

    date = models.DateField(
        _("publication date"),
        default=local_today,
        db_index=True,
        help_text=_("Shown to citizens and used for the monthly counts and the archive by month."),
    )

    panels = [FieldPanel("date")]
    search_fields = [index.FilterField("date")]

    class Meta:
        abstract = True


class HasAttachments(models.Model):
    """Files attached to a page (Wagtail documents), listed under its text and searchable with it."""

    attachments = StreamField(
        [("attachment", AttachmentBlock())],
        blank=True,
        verbose_name=_("attachments"),
        help_text=_("The signed scan, the editable file and annexes."),
    )

    panels = [FieldPanel("attachments")]
    search_fields = []

    class Meta:
        abstract = True

    @property
    def attached_documents(self):
        """The attached documents in order, skipping any that were deleted."""
        return [block.value["document"] for block in self.attachments if block.value["document"]]

    def attachment_items(self):
        """(document, title, kind) for the template, the title falling back to the document's."""
        return [
            (
                block.value["document"],
                block.value["title"] or block.value["document"].title,
                block.value["kind"],
            )
            for block in self.attachments
            if block.value["document"]
        ]


class HasRelatedPages(models.Model):
    """Editor-chosen links to other pages of the site ("see also")."""

    related_pages = StreamField(
        [("page", blocks.PageChooserBlock(label=_("page")))],
        blank=True,
        verbose_name=_("related pages"),
    )

    panels = [FieldPanel("related_pages")]
    search_fields = []

    class Meta:
        abstract = True

    def related_live_pages(self):
        return [block.value.specific for block in self.related_pages if block.value and block.value.live]


class OpenForDiscussion(models.Model):
    """An item put out for public discussion until a deadline (draft decisions, regulatory drafts)."""

    discussion_until = models.DateField(
        _("open for public discussion until"),
        null=True,
        blank=True,
        help_text=_("Last day on which citizens may send comments. Leave empty if not under discussion."),
    )

    panels = [FieldPanel("discussion_until")]
    search_fields = [index.FilterField("discussion_until")]

    class Meta:
        abstract = True

    def is_open_for_discussion(self, today: datetime.date | None = None) -> bool:
        if not self.discussion_until:
            return False
        return (today or local_today()) <= self.discussion_until

    def clean(self):
        super().clean()
        published_on = getattr(self, "date", None)
        if self.discussion_until and published_on and self.discussion_until < published_on:
            raise ValidationError(
                {"discussion_until": _("The discussion cannot end before the item is published.")}
            )
