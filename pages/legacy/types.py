"""The item types of the legacy format and the page types they become: declared once, here.

Each item type names its page model and, but for plain pages (which go under the home page), the
index page it lives under, created when missing. Which fields a model has (a body, attachments) is
read from the model itself, never listed again.
"""

from dataclasses import dataclass

from wagtail.fields import StreamField

from cms.behaviours import HasAttachments
from pages.models import (
    ActIndexPage,
    ActPage,
    CommissionDocumentPage,
    CommissionIndexPage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
    VideoIndexPage,
    VideoPage,
)


@dataclass(frozen=True)
class ItemType:
    """A legacy item type: its page model and the index page (model, title, slug) it goes under."""

    model: type
    index_model: type | None = None
    index_title: str = ""
    index_slug: str = ""


#: The index pages a fresh site gets have the site's own addresses (README: ``/novyny/``,
#: ``/dokumenty/``, ``/komisii/``, ``/video/``), as ``load_demo`` makes them.
ITEM_TYPES = {
    "news": ItemType(NewsPage, NewsIndexPage, "Новини", "novyny"),
    "act": ItemType(ActPage, ActIndexPage, "Документи", "dokumenty"),
    "commission_document": ItemType(
        CommissionDocumentPage, CommissionIndexPage, "Постійні комісії", "komisii"
    ),
    "video": ItemType(VideoPage, VideoIndexPage, "Відео", "video"),
    "page": ItemType(StandardPage),
}
#: The page model of each item type.
MODELS = {name: item_type.model for name, item_type in ITEM_TYPES.items()}


def body_field(model) -> tuple[str, bool] | None:
    """The ``body`` field's name and whether it is a StreamField (else rich text); None without one."""
    field = next((field for field in model._meta.concrete_fields if field.name == "body"), None)
    if field is None:
        return None
    return field.name, isinstance(field, StreamField)


def has_attachments(model) -> bool:
    return issubclass(model, HasAttachments)
