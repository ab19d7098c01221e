"""Site-wide models: the council's document model and its editable site settings."""

import posixpath

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument
from wagtail.models import Site

# The record of changed requisites of published acts, kept beside its form (cms.forms).
from .requisites import RequisiteChange  # noqa: F401
from .site_cache import settings_for_site
from .text import readable_filename


class ExtractionStatus(models.TextChoices):
    """Where a document's text extraction stands (it runs as a task after the upload commits)."""

    PENDING = "pending", _("text extraction pending")
    DONE = "done", _("text extracted")
    FAILED = "failed", _("text not extracted")
    UNSUPPORTED = "unsupported", _("format without text")


def document_upload_to(instance, filename):
    """Store an upload under a readable Latin name made from its title (``rishennia-123.pdf``), not the
    name on the uploader's disk, so the download keeps a name a citizen can read."""
    return posixpath.join("documents", readable_filename(title=instance.title, filename=filename))


class CouncilDocument(AbstractDocument):
    """A Wagtail document that remembers its text and its content hash.

    The text is extracted once, after the upload commits (a task, ``cms.tasks``) or on import, in a
    separate bounded process, so that the page attaching the document can be found by a phrase that
    occurs only inside the file; the hash lets the importer reuse one document for identical files.
    A document past an extraction limit is kept and served, with the reason in ``extraction_error``.
    """

    file = models.FileField(upload_to=document_upload_to, verbose_name=_("file"))
    extracted_text = models.TextField(_("extracted text"), blank=True, editable=False)
    extraction_status = models.CharField(
        _("text extraction"),
        max_length=16,
        choices=ExtractionStatus.choices,
        default=ExtractionStatus.PENDING,
        editable=False,
    )
    extraction_error = models.TextField(_("why the text was not extracted"), blank=True, editable=False)
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

    @classmethod
    def for_request(cls, request):
        """Wagtail's per-request settings, read from the cross-request cache (``cms.site_cache``)."""
        attr = cls.get_cache_attr_name()
        if hasattr(request, attr):
            return getattr(request, attr)
        site = Site.find_for_request(request)
        if site is None:
            return super().for_request(request)
        instance = settings_for_site(cls, site)
        instance._request = request  # as Wagtail does: page URLs of the settings use the request
        setattr(request, attr, instance)
        return instance

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
