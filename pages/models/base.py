from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class BasePage(Page):
    """Fields every page type of the site has.

    ``legacy_id`` ties a page to the item it was imported from, so that a re-run of the
    legacy import updates the page instead of creating it again.
    """

    legacy_id = models.CharField(
        _("legacy id"), max_length=128, null=True, blank=True, unique=True, editable=False,
        help_text=_("Identifier of the item on the old site, set by the import."),
    )
    social_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("social networks image"),
        help_text=_("Shown when the page is shared (Open Graph). Defaults to the page's main image."),
    )

    promote_panels = Page.promote_panels + [FieldPanel("social_image")]

    class Meta:
        abstract = True

    def get_og_image(self):
        return self.social_image or getattr(self, "main_image", None) or getattr(self, "thumbnail", None)

    def get_og_description(self):
        return self.search_description or getattr(self, "lead", "") or getattr(self, "description", "")
