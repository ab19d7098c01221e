"""django-import-export resources for the legacy CSV form: one column mapping for the admin and the command.

Each resource maps the CSV columns (the same names as the keys of ``items.jsonl``, see docs/import.md)
to the canonical item; ``import_legacy`` reads CSV rows through ``row_to_mapping`` and validates the
item like any other (``pages.legacy.records``). No admin import is registered: the command is the
one way in.
"""

from import_export import fields, resources, widgets

from pages.models import ActPage, CommissionDocumentPage, NewsPage, StandardPage, VideoPage


class AttachmentsWidget(widgets.Widget):
    """``path|title; path|title`` in one cell."""

    def clean(self, value, row=None, **kwargs):
        items = []
        for part in str(value or "").split(";"):
            if part.strip():
                path, _, title = part.partition("|")
                items.append({"path": path.strip(), "title": title.strip()})
        return items

    def render(self, value, obj=None, **kwargs):
        return "; ".join(f"{item['path']}|{item.get('title', '')}" for item in value or [])


COMMON_COLUMNS = ("legacy_id", "title", "published", "url", "body_html", "summary", "tags", "attachments")
#: Columns holding lists; every other column is text, parsed by the shared record validation.
LIST_WIDGETS = {
    "tags": lambda: widgets.SimpleArrayWidget(","),
    "concerns": lambda: widgets.SimpleArrayWidget(","),
    "attachments": AttachmentsWidget,
}


class LegacyItemResource(resources.ModelResource):
    """Columns common to every content type; ``legacy_resource`` makes one per type with its own columns."""

    item_type = ""

    class Meta:
        import_id_fields = ("legacy_id",)
        fields = COMMON_COLUMNS
        skip_unchanged = False

    def row_to_mapping(self, row) -> dict:
        """The canonical item of one CSV row; columns missing from the file are left out."""
        mapping = {"type": self.item_type}
        for name, field in self.fields.items():
            if field.column_name in row:
                value = field.clean(row)
                mapping[name] = value if value is not None else ""
        return mapping


def legacy_resource(name, *, item_type, model, columns=()):
    """A resource class for one content type: the common columns plus ``columns``, all named as in JSONL."""
    all_columns = COMMON_COLUMNS + tuple(columns)
    attrs = {
        column: fields.Field(
            attribute=None, column_name=column, widget=LIST_WIDGETS.get(column, widgets.CharWidget)()
        )
        for column in all_columns
    }
    attrs.update(
        item_type=item_type,
        __module__=__name__,
        Meta=type("Meta", (LegacyItemResource.Meta,), {"model": model, "fields": all_columns}),
    )
    return type(name, (LegacyItemResource,), attrs)


NewsResource = legacy_resource("NewsResource", item_type="news", model=NewsPage, columns=["kind"])
ActResource = legacy_resource(
    "ActResource",
    item_type="act",
    model=ActPage,
    columns=["act_type", "number", "issuer", "adopted_on", "status", "discussion_until"],
)
CommissionDocumentResource = legacy_resource(
    "CommissionDocumentResource",
    item_type="commission_document",
    model=CommissionDocumentPage,
    columns=["commission", "doc_type", "number", "meeting_date", "concerns"],
)
VideoResource = legacy_resource(
    "VideoResource", item_type="video", model=VideoPage, columns=["video_url", "source"]
)
StandardPageResource = legacy_resource("StandardPageResource", item_type="page", model=StandardPage)


RESOURCES = {
    resource.item_type: resource
    for resource in (
        NewsResource,
        ActResource,
        CommissionDocumentResource,
        VideoResource,
        StandardPageResource,
    )
}


def resource_for_type(item_type: str) -> LegacyItemResource:
    """The resource that reads CSV rows of one content type."""
    return RESOURCES[item_type]()
