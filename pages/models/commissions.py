from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from cms.behaviours import HasAttachments, PublicationDated
from cms.choices import fast_choice_displays

from .base import BasePage
from .kinds import CommissionDocumentType


class CommissionIndexPage(BasePage):
    """The council's standing deputy commissions."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.CommissionPage"]

    class Meta:
        verbose_name = _("commissions index")
        verbose_name_plural = _("commissions indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["commissions"] = CommissionPage.objects.live().public().child_of(self).order_by("path")
        return context


class CommissionPage(BasePage):
    """A standing deputy commission of the council: its chair, members and contacts."""

    chair = models.CharField(_("chair"), max_length=255, blank=True)
    members = models.TextField(_("members"), blank=True, help_text=_("One member per line."))
    contacts = models.TextField(_("contacts"), blank=True)
    description = RichTextField(_("description"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("chair"),
        FieldPanel("members"),
        FieldPanel("contacts"),
        FieldPanel("description"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("chair"),
        index.SearchField("members"),
        index.SearchField("description"),
    ]

    parent_page_types = ["pages.CommissionIndexPage"]
    subpage_types = ["pages.CommissionDocumentPage"]

    class Meta:
        verbose_name = _("commission")
        verbose_name_plural = _("commissions")

    def member_list(self):
        return [line.strip() for line in self.members.splitlines() if line.strip()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["documents"] = (
            CommissionDocumentPage.objects.live().public().child_of(self).order_by("-meeting_date", "-pk")
        )
        return context


@fast_choice_displays
class CommissionDocumentPage(PublicationDated, HasAttachments, BasePage):
    """A protocol, conclusion or recommendation of a standing commission."""

    doc_type = models.CharField(
        _("document type"), max_length=16, choices=CommissionDocumentType.choices, db_index=True
    )
    number = models.CharField(_("number"), max_length=64, blank=True, db_index=True)
    meeting_date = models.DateField(_("meeting date"), null=True, blank=True, db_index=True)
    body = RichTextField(_("text"), blank=True)
    concerns = ParentalManyToManyField(
        "pages.ActPage",
        blank=True,
        related_name="commission_documents",
        verbose_name=_("draft decisions concerned"),
        help_text=_("The draft decisions this document is about; it is shown on their pages."),
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("doc_type"), FieldPanel("number")]),
                FieldRowPanel([FieldPanel("meeting_date"), *PublicationDated.panels]),
            ],
            heading=_("Requisites"),
        ),
        FieldPanel("concerns"),
        FieldPanel("body"),
        *HasAttachments.panels,
    ]
    search_fields = (
        BasePage.search_fields
        + PublicationDated.search_fields
        + [
            index.SearchField("number", boost=5),
            index.SearchField("body"),
            index.FilterField("doc_type"),
            index.FilterField("meeting_date"),
        ]
    )

    parent_page_types = ["pages.CommissionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("commission document")
        verbose_name_plural = _("commission documents")

    @property
    def commission(self):
        return self.get_parent().specific

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["concerned_acts"] = self.concerns.live().public().select_related("issuer").order_by("-date")
        return context
