"""Site-wide models: the council's document model and its editable site settings."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument

# The record of changed requisites of published acts, kept beside its form (cms.forms).
from .requisites import RequisiteChange  # noqa: F401


class CouncilDocument(AbstractDocument):
    """A Wagtail document that remembers its text and its content hash.

    The text is extracted once, on upload or import, so that the page attaching the
    document can be found by a phrase that occurs only inside the file; the hash lets
    the importer reuse one document for identical files.
    """

    extracted_text = models.TextField(_("extracted text"), blank=True, editable=False)
    content_hash = models.CharField(
        _("content hash"), max_length=64, blank=True, db_index=True, editable=False
    )

    admin_form_fields = WagtailDocument.admin_form_fields

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """The council's contacts, social links and the citizens' platforms, editable by editors."""

    council_name = models.CharField(_("council name"), max_length=255, default="Ніжинська міська рада")
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=64, blank=True)
    email = models.EmailField(_("email"), blank=True)
    office_hours = models.CharField(_("office hours"), max_length=255, blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    telegram_url = models.URLField(_("Telegram"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    petitions_url = models.URLField(
        _("petitions platform"), blank=True, help_text=_("Link to the city's e-petitions platform.")
    )
    open_budget_url = models.URLField(
        _("open budget platform"),
        blank=True,
        help_text=_("Link to the participatory (open) budget platform."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("council_name"),
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("office_hours"),
            ],
            heading=_("Contacts"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("youtube_url"),
                FieldPanel("telegram_url"),
                FieldPanel("instagram_url"),
            ],
            heading=_("Social networks"),
        ),
        MultiFieldPanel([FieldPanel("petitions_url"), FieldPanel("open_budget_url")], heading=_("Platforms")),
    ]

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")

    @property
    def social_links(self):
        """(label, url) pairs of the social networks that are filled in, in display order."""
        links = [
            ("Facebook", self.facebook_url),
            ("YouTube", self.youtube_url),
            ("Telegram", self.telegram_url),
            ("Instagram", self.instagram_url),
        ]
        return [(label, url) for label, url in links if url]
