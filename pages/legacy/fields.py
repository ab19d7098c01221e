"""The field values of a page for a legacy record, and the content of its revision."""

import uuid

from modelcluster.models import get_serializable_data_for_fields
from taggit.models import Tag

from pages.models import CommissionDocumentPage, NewsPage

from .dates import KYIV
from .html import convert_html, rich_text, stream_blocks
from .types import MODELS, body_field, has_attachments


def _attachments(record, *, documents, files):
    return [
        {
            "type": "attachment",
            "id": str(uuid.uuid4()),
            "value": {
                "document": documents[files.digest(attachment)],
                "title": attachment.title,
                "kind": "other",
            },
        }
        for attachment in record.attachments
    ]


def _body(model, record, *, resolve_link, resolve_image):
    """{field: value} of the body, and whether some internal link is still unresolved."""
    field, is_stream = body_field(model)
    fragments, unresolved = convert_html(
        record.body_html, resolve_link=resolve_link, resolve_image=resolve_image
    )
    if is_stream:
        return {field: [dict(block, id=str(uuid.uuid4())) for block in stream_blocks(fragments)]}, unresolved
    return {field: rich_text(fragments)}, unresolved


def _own_fields(record, issuers) -> dict:
    """The fields of the record's own page type."""
    if record.type == "news":
        return {"kind": record.kind, "lead": record.summary}
    if record.type == "act":
        return {
            "act_type": record.act_type,
            "number": record.number,
            "issuer_id": issuers.match(record.issuer),
            "adopted_on": record.adopted_on,
            "status": record.status,
            "discussion_until": record.discussion_until,
            "summary": record.summary,
        }
    if record.type == "commission_document":
        return {
            "doc_type": record.doc_type,
            "number": record.number,
            "meeting_date": record.meeting_date,
            "search_description": record.summary,
        }
    if record.type == "video":
        return {"video_url": record.video_url, "description": record.summary or record.body_html}
    return {"search_description": record.summary}


def page_fields(record, *, documents, files, resolve_link, resolve_image, issuers):
    """(model, field values, unresolved links) of the specific page for a record."""
    model = MODELS[record.type]
    published = record.published
    values = {
        "title": record.title,
        "draft_title": record.title,
        "legacy_id": record.legacy_id,
        "live": record.live,
        "has_unpublished_changes": not record.live,
        "first_published_at": published if record.live else None,
        "last_published_at": published if record.live else None,
        "latest_revision_created_at": published,
    }
    if "date" in {field.name for field in model._meta.concrete_fields}:
        values["date"] = published.astimezone(KYIV).date()
    if has_attachments(model):
        values["attachments"] = _attachments(record, documents=documents, files=files)
    unresolved = False
    if body_field(model) is not None:
        body, unresolved = _body(model, record, resolve_link=resolve_link, resolve_image=resolve_image)
        values.update(body)
    values.update(_own_fields(record, issuers))
    return model, values, unresolved


class TagIds:
    """Tag ids by name, created when missing, read once per run."""

    def __init__(self):
        self.ids = {}

    def __call__(self, names) -> list[int]:
        missing = [name for name in names if name not in self.ids]
        if missing:
            self.ids.update(Tag.objects.filter(name__in=missing).values_list("name", "pk"))
            for name in missing:
                if name not in self.ids:
                    self.ids[name] = Tag.objects.get_or_create(name=name)[0].pk
        return [self.ids[name] for name in names]


def revision_content(page, tag_ids=()) -> dict:
    """What ``save_revision`` would store for the page (its tags as a cluster; relations come later)."""
    content = get_serializable_data_for_fields(page)
    content["pk"] = page.pk
    if isinstance(page, NewsPage):
        content["tagged_items"] = [
            {"pk": None, "tag": tag_id, "content_object": page.pk} for tag_id in tag_ids
        ]
    if isinstance(page, CommissionDocumentPage):
        content["concerns"] = []
    return content
