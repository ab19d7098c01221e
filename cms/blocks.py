"""StreamField blocks shared by every page type."""

import copy

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from .embeds import video_embed_html


class DocumentBlock(DocumentChooserBlock):
    """Wagtail's document chooser, reading the documents without their extracted text.

    A page shows a document's title, link, type and size. Its extracted text (up to
    ``EXTRACTION_MAX_CHARS`` characters, for search) is not read with it: an act with three scans
    of a hundred pages each would otherwise fetch megabytes from the database at every render.
    Search reads the texts in one query where it needs them (``pages.models.base``).
    """

    deferred = ("extracted_text",)

    def bulk_to_python(self, values):
        model = self.model_class
        deferred = [name for name in self.deferred if any(f.name == name for f in model._meta.fields)]
        found = model.objects.defer(*deferred).in_bulk([value for value in values if value is not None])
        # As Wagtail's: in order, None kept, a repeated id a distinct instance.
        result, seen = [], set()
        for value in values:
            document = found.get(value)
            result.append(copy.copy(document) if document is not None and value in seen else document)
            seen.add(value)
        return result


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt = blocks.CharBlock(
        label=_("alternative text"),
        required=False,
        help_text=_("What the image shows, for screen readers. Leave empty for a decorative image."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "cms/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "cms/blocks/quote.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("link text"), required=False, help_text=_("Leave empty to use the document's title.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        template = "cms/blocks/document_link.html"


class AttachmentBlock(blocks.StructBlock):
    """A file attached to a page: the signed scan, the editable file, an annex."""

    document = DocumentBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("title"), required=False, help_text=_("Leave empty to use the document's title.")
    )
    kind = blocks.ChoiceBlock(
        label=_("kind"),
        choices=[
            ("scan", _("Signed scan")),
            ("editable", _("Editable file")),
            ("annex", _("Annex")),
            ("other", _("Other")),
        ],
        default="other",
    )

    class Meta:
        icon = "doc-full-inverse"
        label = _("Attachment")


class VideoEmbedBlock(EmbedBlock):
    """An embedded video or post, rendered as the video page renders its video (``cms.embeds``).

    The title of the frame is the ``title`` of the template context: the page's title."""

    def render_basic(self, value, context=None):
        if not value:
            return ""
        return video_embed_html(value.url, (context or {}).get("title", ""))


class BodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "hr"],
    )
    image = ImageBlock()
    quote = QuoteBlock()
    table = TableBlock(label=_("Table"), template="cms/blocks/table.html")
    embed = VideoEmbedBlock(label=_("Embed"), max_width=960)
    document = DocumentLinkBlock()
