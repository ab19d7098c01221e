"""Readers: each knows one legacy format and yields LegacyRecord or RecordError, one item at a time.

Nothing is loaded whole: ``items.jsonl`` is read line by line, CSV row by row, and files are read
from the folder or the zip only when a writer asks for them.
"""

import base64
import csv
import io
import json
import zipfile
from pathlib import Path, PurePosixPath

from pages.resources import resource_for_type

from .records import Attachment, LegacyRecord, RecordError, record_from_mapping


class Bundle:
    """Files of an export: a folder or a .zip, addressed by paths relative to its root."""

    def __init__(self, path):
        self.path = Path(path)
        self._zip = None
        self._root = ""
        if self.path.is_file() and zipfile.is_zipfile(self.path):
            self._zip = zipfile.ZipFile(self.path)
            self._names = set(self._zip.namelist())
            # A zip made of the folder itself holds "bundle/items.jsonl": find the root.
            for name in self._names:
                if PurePosixPath(name).name in ("items.jsonl", "plone.json") or name.endswith(".csv"):
                    parent = str(PurePosixPath(name).parent)
                    self._root = "" if parent == "." else parent + "/"
                    break
        elif self.path.is_dir():
            self._names = None
        elif self.path.is_file():
            self._names = None
            self.path = self.path.parent
        else:
            raise FileNotFoundError(str(path))

    def _name(self, relative: str) -> str:
        return self._root + str(PurePosixPath(relative.lstrip("/")))

    def exists(self, relative: str) -> bool:
        if not relative:
            return False
        if self._zip is not None:
            return self._name(relative) in self._names
        target = (self.path / relative.lstrip("/")).resolve()
        return target.is_relative_to(self.path.resolve()) and target.is_file()

    def read(self, relative: str) -> bytes:
        if self._zip is not None:
            return self._zip.read(self._name(relative))
        return (self.path / relative.lstrip("/")).read_bytes()

    def open_text(self, relative: str):
        if self._zip is not None:
            return io.TextIOWrapper(self._zip.open(self._name(relative)), encoding="utf-8-sig", newline="")
        return open(self.path / relative, encoding="utf-8-sig", newline="")

    def list(self, suffix: str) -> list[str]:
        if self._zip is not None:
            return sorted(
                name[len(self._root) :]
                for name in self._names
                if name.startswith(self._root)
                and name.endswith(suffix)
                and "/" not in name[len(self._root) :]
            )
        return sorted(path.name for path in self.path.iterdir() if path.name.endswith(suffix))

    def close(self):
        if self._zip is not None:
            self._zip.close()


def read_jsonl(bundle: Bundle, name: str = "items.jsonl"):
    """Items of ``items.jsonl``, one JSON object per line; a bad line yields a RecordError with its number."""
    with bundle.open_text(name) as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                yield RecordError("invalid JSON", str(exc), line=number)
                continue
            try:
                yield record_from_mapping(data, line=number, file_exists=bundle.exists)
            except RecordError as exc:
                yield exc


CSV_TYPES = {
    "news": "news",
    "act": "act",
    "acts": "act",
    "commission_document": "commission_document",
    "commission_documents": "commission_document",
    "video": "video",
    "videos": "video",
    "page": "page",
    "pages": "page",
}


def read_csv(bundle: Bundle):
    """Items of one CSV per content type (``news.csv``, ``act.csv``, ...), read through the
    django-import-export resources of ``pages.resources`` (the admin import uses the same ones).
    Line numbers are ``file:row`` with the header as row 1.
    """
    for name in bundle.list(".csv"):
        item_type = CSV_TYPES.get(PurePosixPath(name).stem)
        if item_type is None:
            yield RecordError("unknown type", f"{name}: name the file after its type, e.g. news.csv")
            continue
        resource = resource_for_type(item_type)
        with bundle.open_text(name) as handle:
            for number, row in enumerate(csv.DictReader(handle), start=2):
                try:
                    mapping = resource.row_to_mapping(row)
                    record = record_from_mapping(mapping, line=number, file_exists=bundle.exists)
                    record.line = f"{name}:{number}"
                    yield record
                except RecordError as exc:
                    exc.line = f"{name}:{number}"
                    yield exc


PLONE_TYPES = {"News Item": "news", "Document": "page", "File": "page", "Event": "news"}
PLONE_STATES = {"published": True, "internally_published": True, "external": True}


def _plone_blob(bundle: Bundle, blob: dict, number: int) -> Attachment:
    title = blob.get("filename") or "file"
    if blob.get("data") is not None:
        if blob.get("encoding", "base64") == "base64":
            data = base64.b64decode(blob["data"])
        else:
            data = str(blob["data"]).encode(blob.get("encoding") or "utf-8")
        return Attachment(path=title, title=title, data=data)
    for key in ("blob_path", "download"):
        value = blob.get(key)
        if value:
            # A download link is a URL into the exported site; its path is kept inside the bundle.
            relative = value.split("://", 1)[-1].split("/", 1)[-1] if "://" in value else value
            if not bundle.exists(relative):
                raise RecordError("missing file", relative, line=number)
            return Attachment(path=relative, title=title)
    raise RecordError("missing file", f"{title}: no data, blob_path or download")


def _plone_item(bundle: Bundle, item: dict, number: int) -> LegacyRecord:
    plone_type = item.get("@type")
    item_type = PLONE_TYPES.get(plone_type)
    if item_type is None:
        raise RecordError("unknown type", field="@type", value=str(plone_type))
    text = item.get("text") or {}
    body = text.get("data", "") if isinstance(text, dict) else str(text)
    attachments = []
    for key in ("file", "image"):
        if isinstance(item.get(key), dict):
            attachments.append(_plone_blob(bundle, item[key], number))
    url = item.get("@id") or ""
    if "://" in url:
        url = "/" + url.split("://", 1)[1].split("/", 1)[-1]
    published = item.get("effective") or item.get("created") or item.get("modified")
    if plone_type == "Event" and item.get("start"):
        body = f"<p>{item['start']}</p>" + body
    mapping = {
        "legacy_id": item.get("UID") or item.get("@id"),
        "type": item_type,
        "title": item.get("title"),
        "published": published if published not in ("None", None) else "",
        "url": url,
        "body_html": body,
        "summary": item.get("description") or "",
        "tags": list(item.get("subjects") or []),
        "kind": "announcement" if plone_type == "Event" else "news",
        "live": item.get("review_state", "published") in PLONE_STATES,
    }
    record = record_from_mapping(mapping, line=number)
    record.attachments = attachments
    return record


def read_plone(bundle: Bundle, name: str):
    """Items of a collective.exportimport ``export_content`` JSON list (News Item, Document, File, Event).

    The file is one JSON array; it is parsed item by item with ``json.JSONDecoder.raw_decode`` so a
    large export with inline base64 blobs is never held whole. The trailing ``unexported_paths``
    element is skipped.
    """
    decoder = json.JSONDecoder()
    number = 0
    for item in _iter_json_array(bundle.open_text(name), decoder):
        number += 1
        if isinstance(item, dict) and "unexported_paths" in item and "@type" not in item:
            continue
        try:
            yield _plone_item(bundle, item, number)
        except RecordError as exc:
            exc.line = number
            exc.legacy_id = exc.legacy_id or (item.get("UID") if isinstance(item, dict) else None)
            yield exc


def _iter_json_array(handle, decoder, chunk_size=1 << 16):
    buffer = ""
    started = False
    with handle:
        while True:
            chunk = handle.read(chunk_size)
            buffer += chunk
            while True:
                buffer = buffer.lstrip()
                if not started:
                    if not buffer:
                        break
                    if buffer[0] != "[":
                        raise RecordError("invalid JSON", "a Plone export is a JSON array")
                    buffer = buffer[1:]
                    started = True
                    continue
                if buffer.startswith(","):
                    buffer = buffer[1:]
                    continue
                if buffer.startswith("]"):
                    return
                try:
                    item, end = decoder.raw_decode(buffer)
                except json.JSONDecodeError:
                    if not chunk:
                        raise RecordError("invalid JSON", "truncated Plone export") from None
                    break
                yield item
                buffer = buffer[end:]
            if not chunk:
                return


def open_source(path):
    """The bundle at ``path`` and a generator of its items, the format told by what the bundle holds."""
    bundle = Bundle(path)
    if bundle.exists("items.jsonl"):
        return bundle, read_jsonl(bundle)
    if Path(path).suffix == ".json" and Path(path).is_file():
        return bundle, read_plone(bundle, Path(path).name)
    jsons = bundle.list(".json")
    if jsons:
        return bundle, read_plone(bundle, jsons[0])
    if bundle.list(".csv"):
        return bundle, read_csv(bundle)
    bundle.close()
    raise FileNotFoundError(f"{path}: no items.jsonl, Plone .json export or <type>.csv found")
