from django.db import models
from django.utils.translation import gettext_lazy as _


class LegacyItem(models.Model):
    """Bookkeeping of the legacy import: which page an old item became and the hash of what was imported.

    One row per item lets a re-run find all pages of a batch in one query and skip unchanged items
    by comparing hashes, without reading the pages themselves.
    """

    legacy_id = models.CharField(_("legacy id"), max_length=128, unique=True)
    item_type = models.CharField(_("type"), max_length=32)
    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="legacy_item", verbose_name=_("page")
    )
    old_url = models.CharField(_("old URL"), max_length=500, blank=True, db_index=True)
    digest = models.CharField(_("content hash"), max_length=64)
    imported_at = models.DateTimeField(_("imported at"), auto_now=True)
    # The work that follows the writing of an item, done by the post-pass of whichever run comes next
    # (see docs/import.md). Written in the item's batch transaction, so an interrupted run leaves them
    # set and a re-run finishes them.
    concerns = models.JSONField(_("concerned acts"), default=list, blank=True)
    needs_relations = models.BooleanField(_("acts to link"), default=False, db_index=True)
    needs_links = models.BooleanField(_("links to rewrite"), default=False, db_index=True)
    needs_index = models.BooleanField(_("to index"), default=True, db_index=True)

    class Meta:
        verbose_name = _("legacy item")
        verbose_name_plural = _("legacy items")

    def __str__(self):
        return self.legacy_id
