"""django-import-export resources for the legacy CSV form: one column mapping for the admin and the command.

Each resource maps the CSV columns (the same names as the keys of ``items.jsonl``, see docs/import.md)
to the canonical item; ``import_legacy`` reads CSV rows through ``row_to_mapping`` and the admin's
import saves each row through the same legacy pipeline, so both create and update pages alike
(identity: ``legacy_id``).
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


def _column(name, widget=None):
    return fields.Field(attribute=None, column_name=name, widget=widget or widgets.CharWidget())


class LegacyItemResource(resources.ModelResource):
    """Columns common to every content type; subclasses add their own and name the page model."""

    item_type = ""

    legacy_id = _column("legacy_id")
    title = _column("title")
    published = _column("published")
    url = _column("url")
    body_html = _column("body_html")
    summary = _column("summary")
    tags = _column("tags", widgets.SimpleArrayWidget(","))
    attachments = _column("attachments", AttachmentsWidget())

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

    # The admin import: every row goes through the legacy pipeline, never through Model.save().
    def get_or_init_instance(self, instance_loader, row):
        return self._meta.model(), True

    def import_instance(self, instance, row, **kwargs):
        pass

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        pass

    def save_instance(self, instance, is_create, row, **kwargs):
        from pages.legacy.importer import import_records
        from pages.legacy.records import record_from_mapping

        record = record_from_mapping(self.row_to_mapping(row))
        summary = import_records([record], dry_run=self._is_dry_run(kwargs))
        if summary.failed:
            raise ValueError("; ".join(f"{reason}: {detail}" for reason, detail in summary.failure_details()))

    def delete_instance(self, instance, row, **kwargs):
        pass


class NewsResource(LegacyItemResource):
    item_type = "news"
    kind = _column("kind")

    class Meta(LegacyItemResource.Meta):
        model = NewsPage
        fields = COMMON_COLUMNS + ("kind",)


class ActResource(LegacyItemResource):
    item_type = "act"
    act_type = _column("act_type")
    number = _column("number")
    issuer = _column("issuer")
    adopted_on = _column("adopted_on")
    status = _column("status")
    discussion_until = _column("discussion_until")

    class Meta(LegacyItemResource.Meta):
        model = ActPage
        fields = COMMON_COLUMNS + ("act_type", "number", "issuer", "adopted_on", "status", "discussion_until")


class CommissionDocumentResource(LegacyItemResource):
    item_type = "commission_document"
    commission = _column("commission")
    doc_type = _column("doc_type")
    number = _column("number")
    meeting_date = _column("meeting_date")
    concerns = _column("concerns", widgets.SimpleArrayWidget(","))

    class Meta(LegacyItemResource.Meta):
        model = CommissionDocumentPage
        fields = COMMON_COLUMNS + ("commission", "doc_type", "number", "meeting_date", "concerns")


class VideoResource(LegacyItemResource):
    item_type = "video"
    video_url = _column("video_url")
    source = _column("source")

    class Meta(LegacyItemResource.Meta):
        model = VideoPage
        fields = COMMON_COLUMNS + ("video_url", "source")


class StandardPageResource(LegacyItemResource):
    item_type = "page"

    class Meta(LegacyItemResource.Meta):
        model = StandardPage


RESOURCES = {resource.item_type: resource for resource in
             (NewsResource, ActResource, CommissionDocumentResource, VideoResource, StandardPageResource)}


def resource_for_type(item_type: str) -> LegacyItemResource:
    """The resource that reads CSV rows of one content type."""
    return RESOURCES[item_type]()
