from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from cms.behaviours import HasAttachments, HasRelatedPages
from cms.blocks import BodyBlock

from .base import BasePage


class StandardPage(HasAttachments, HasRelatedPages, BasePage):
    """Static content: about the council, its structure, contacts."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = (
        BasePage.content_panels + [FieldPanel("body")] + HasAttachments.panels + HasRelatedPages.panels
    )
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["pages.HomePage", "pages.StandardPage"]
    subpage_types = ["pages.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
