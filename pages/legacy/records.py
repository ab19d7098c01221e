"""The normalised record between readers and writers: plain data, no Django models.

``record_from_mapping`` turns the canonical item (the ``items.jsonl`` object: strings, lists)
into a validated ``LegacyRecord``; every reader either builds that mapping or a record directly.
"""

import datetime
import hashlib
import html
import json
from dataclasses import asdict, dataclass, field

from django.utils.translation import gettext as _

from pages.models import CommissionPage, LegacyItem, VideoPage
from pages.models.kinds import ActStatus, ActType, CommissionDocumentType, NewsKind

from .dates import LegacyDateError, parse_legacy_date, parse_legacy_datetime
from .html import absolute_links
from .redirects import OLD_PATH_LENGTH, redirect_path
from .types import ITEM_TYPES

#: The longest value a column takes, for the fields that fail an item rather than be cut (an identity,
#: an address, a name pages are found by): read from the models, never spelled here.
MAX_LENGTHS = {
    "legacy_id": LegacyItem._meta.get_field("legacy_id").max_length,
    "video_url": VideoPage._meta.get_field("video_url").max_length,
    "commission": CommissionPage._meta.get_field("title").max_length,
    # The old address as its redirect stores it (normalised, see ``_old_url``).
    "url": OLD_PATH_LENGTH,
}
#: The item types of the legacy format, declared with their page types in ``pages.legacy.types``.
TYPES = tuple(ITEM_TYPES)
#: The field of an item whose value must be a member of a kind of ``pages.models.kinds``, read when an
#: item is checked (never spelled here), and the kind's default when the item leaves it out.
CHOICE_FIELDS = {
    "kind": (NewsKind, NewsKind.NEWS),
    "act_type": (ActType, None),
    "status": (ActStatus, ActStatus.ADOPTED),
    "doc_type": (CommissionDocumentType, None),
}


class RecordError(ValueError):
    """A legacy item that cannot be imported.

    ``reason`` is a short English key (``REASONS`` in ``pages.legacy.messages`` says it in Ukrainian);
    ``field`` and ``value`` name the field and the value that are wrong, when one is: failures with a
    value (an unknown issuer, an act type the site does not know) are reported once per value.
    """

    def __init__(
        self,
        reason: str,
        detail: str = "",
        *,
        line: int | str | None = None,
        legacy_id: str | None = None,
        field: str = "",
        value: str | None = None,
    ):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail
        self.line = line
        self.legacy_id = legacy_id
        self.field = field
        self.value = value


@dataclass
class SkippedItem:
    """An element of an export that is no content of its own (a Plone folder): not imported, and counted
    under its ``reason`` (``pages.legacy.messages.SKIPPED`` says it in Ukrainian)."""

    reason: str
    line: int | str | None = None
    legacy_id: str | None = None


@dataclass
class Attachment:
    """A file of an item: ``path`` inside the bundle, or ``data`` given inline (Plone's base64 blobs)."""

    path: str
    title: str = ""
    data: bytes | None = field(default=None, repr=False)


@dataclass
class LegacyRecord:
    """One item of the old site, in the form every writer understands."""

    legacy_id: str
    type: str
    title: str
    published: datetime.datetime
    url: str = ""
    body_html: str = ""
    summary: str = ""
    tags: list[str] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    live: bool = True
    line: int | None = None
    # news
    kind: str = "news"
    # acts
    act_type: str = ""
    number: str = ""
    issuer: str = ""
    adopted_on: datetime.date | None = None
    status: str = ""
    discussion_until: datetime.date | None = None
    # commission documents
    commission: str = ""
    doc_type: str = ""
    meeting_date: datetime.date | None = None
    concerns: list[str] = field(default_factory=list)
    # videos
    video_url: str = ""
    source: str = ""
    # set by the writer while importing, not part of the item
    digest: str = field(default="", repr=False)
    page_id: int | None = field(default=None, repr=False)

    def fingerprint(self, file_digests: list[str] | None = None) -> str:
        """A hash of everything imported from this item, so that a re-run skips it when unchanged.

        Inline attachment data is represented by the caller's file digests, not by the bytes.
        """
        data = asdict(self)
        for key in ("line", "digest", "page_id"):
            data.pop(key)
        for attachment in data["attachments"]:
            attachment.pop("data", None)
        data["files"] = file_digests or []
        payload = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
        return hashlib.sha256(payload.encode()).hexdigest()


def _text(data, key) -> str:
    value = data.get(key)
    if value is None:
        return ""
    return str(value).strip()


def _plain(data, key) -> str:
    """A plain-text field as an HTML export gives it: entities (``&laquo;``, ``&quot;``, ``&nbsp;``)
    read, and runs of white space (line breaks of the old markup) made one space."""
    return " ".join(html.unescape(_text(data, key)).split())


def _list(data, key) -> list:
    value = data.get(key)
    if value in (None, ""):
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if not isinstance(value, list):
        raise RecordError("invalid field", _("%(field)s must be a list") % {"field": key}, field=key)
    return value


def _choice(data, key) -> str:
    kind, default = CHOICE_FIELDS[key]
    value = _text(data, key) or (default or "")
    if value not in kind.values:
        raise RecordError("unknown value", ", ".join(kind.values), field=key, value=value)
    return value


def _date(data, key):
    try:
        return parse_legacy_date(data.get(key))
    except LegacyDateError as exc:
        raise RecordError("invalid date", f"{key}: {exc}") from None


def _published(data) -> datetime.datetime:
    if not _text(data, "published"):
        raise RecordError("missing date", "published", field="published")
    try:
        return parse_legacy_datetime(_text(data, "published"))
    except LegacyDateError as exc:
        raise RecordError("invalid date", f"published: {exc}", field="published") from None


def _attachments(data, file_exists) -> list[Attachment]:
    attachments = []
    for entry in _list(data, "attachments"):
        if isinstance(entry, str):
            entry = {"path": entry}
        if not isinstance(entry, dict) or not (entry.get("path") or entry.get("data") is not None):
            raise RecordError("invalid field", "attachments: path", field="attachments")
        attachment = Attachment(
            path=str(entry.get("path") or ""), title=str(entry.get("title") or ""), data=entry.get("data")
        )
        if attachment.data is None and file_exists is not None and not file_exists(attachment.path):
            raise RecordError("missing file", attachment.path, field="attachments")
        attachments.append(attachment)
    return attachments


def _required(data, key) -> str:
    value = _text(data, key)
    if not value:
        raise RecordError("missing field", key, field=key)
    return value


def _fits(value: str, key: str) -> str:
    """The value if the database column (``MAX_LENGTHS[key]``) holds it; checked here so that a dry run
    finds it too."""
    max_length = MAX_LENGTHS[key]
    if len(value) > max_length:
        raise RecordError(
            "invalid field",
            _("%(field)s: %(length)d characters, at most %(max)d")
            % {"field": key, "length": len(value), "max": max_length},
            field=key,
        )
    return value


def _without_nul(value):
    """The item with NUL characters taken out of its strings: PostgreSQL text cannot hold them, and on
    the old site they were never meant (Word and broken encodings leave them)."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, list):
        return [_without_nul(item) for item in value]
    if isinstance(value, dict):
        return {key: _without_nul(item) for key, item in value.items()}
    return value


def _old_url(data) -> str:
    """The item's old address; one whose redirect could not hold it (longer than a redirect's path once
    normalised) fails the item rather than get a redirect cut short that no visitor would ever reach."""
    url = _text(data, "url")
    _fits(redirect_path(url), "url")
    return url


def _type_fields(record: LegacyRecord, data) -> None:
    """The fields of the record's own type."""
    if record.type == "news":
        record.kind = _choice(data, "kind")
    elif record.type == "act":
        record.act_type = _choice(data, "act_type")
        record.number = _text(data, "number")[:64]
        record.issuer = _text(data, "issuer")
        record.adopted_on = _date(data, "adopted_on")
        record.status = _choice(data, "status")
        record.discussion_until = _date(data, "discussion_until")
    elif record.type == "commission_document":
        record.commission = _fits(_required(data, "commission"), "commission")
        record.doc_type = _choice(data, "doc_type")
        record.number = _text(data, "number")[:64]
        record.meeting_date = _date(data, "meeting_date")
        record.concerns = [str(value) for value in _list(data, "concerns")]
    elif record.type == "video":
        record.video_url = _fits(_required(data, "video_url"), "video_url")
        record.source = _text(data, "source")


def _record(data, *, legacy_id, line, file_exists) -> LegacyRecord:
    if not legacy_id:
        raise RecordError("missing legacy_id", field="legacy_id")
    _fits(legacy_id, "legacy_id")
    item_type = _text(data, "type")
    if item_type not in TYPES:
        raise RecordError("unknown type", field="type", value=item_type)
    title = _plain(data, "title")
    if not title:
        raise RecordError("missing title", field="title")
    url = _old_url(data)
    record = LegacyRecord(
        legacy_id=legacy_id,
        type=item_type,
        title=title[:255],
        published=_published(data),
        line=line,
        url=url,
        body_html=absolute_links(str(data.get("body_html") or ""), url),
        summary=html.unescape(_text(data, "summary")),
        tags=[str(tag).strip()[:100] for tag in _list(data, "tags") if str(tag).strip()],
        attachments=_attachments(data, file_exists),
        live=data.get("live", True) not in (False, "false", "0", 0),
    )
    _type_fields(record, data)
    return record


def record_from_mapping(data: dict, *, line: int | None = None, file_exists=None) -> LegacyRecord:
    """Validate one canonical item (see docs/import.md) and return its record.

    ``file_exists(path)`` tells whether an attachment path is in the bundle; a missing file
    fails the item so that nothing is silently lost. Raises RecordError with a reason.
    """
    if not isinstance(data, dict):
        raise RecordError("invalid item", "JSON object", line=line)
    data = _without_nul(data)
    legacy_id = _text(data, "legacy_id")
    try:
        return _record(data, legacy_id=legacy_id, line=line, file_exists=file_exists)
    except RecordError as exc:
        exc.line = line
        exc.legacy_id = legacy_id or None
        raise
