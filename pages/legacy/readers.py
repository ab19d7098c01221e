"""Readers: each knows one legacy format and yields LegacyRecord or RecordError, one item at a time.

Nothing is loaded whole: ``items.jsonl`` is read line by line, CSV row by row, and files are read
from the folder or the zip only when a writer asks for them.
"""

import base64
import codecs
import csv
import io
import json
import zipfile
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from django.utils.translation import gettext as _

from pages.resources import resource_for_type

from .html import convert_html
from .records import Attachment, LegacyRecord, RecordError, SkippedItem, record_from_mapping


def is_system_file(name: str) -> bool:
    """What an archiver adds beside the export: macOS's ``__MACOSX/`` copies and ``._`` resource forks."""
    path = PurePosixPath(name)
    return path.parts[:1] == ("__MACOSX",) or path.name.startswith("._")


class Bundle:
    """Files of an export: a folder or a .zip, addressed by paths relative to its root."""

    def __init__(self, path):
        self.path = Path(path)
        self._zip = None
        self._root = ""
        if self.path.is_file() and zipfile.is_zipfile(self.path):
            self._zip = zipfile.ZipFile(self.path)
            self._names = {name for name in self._zip.namelist() if not is_system_file(name)}
            # A zip made of the folder itself holds "bundle/items.jsonl": find the root, the shallowest
            # folder holding the items.
            roots = sorted(
                (name.count("/"), str(PurePosixPath(name).parent))
                for name in self._names
                if PurePosixPath(name).name == "items.jsonl" or name.endswith((".csv", ".json"))
            )
            if roots:
                self._root = "" if roots[0][1] == "." else roots[0][1] + "/"
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

    def open_binary(self, relative: str):
        if self._zip is not None:
            return self._zip.open(self._name(relative))
        return open(self.path / relative, "rb")

    def open_text(self, relative: str):
        return io.TextIOWrapper(self.open_binary(relative), encoding="utf-8-sig", newline="")

    def list(self, suffix: str) -> list[str]:
        if self._zip is not None:
            return sorted(
                name[len(self._root) :]
                for name in self._names
                if name.startswith(self._root)
                and name.endswith(suffix)
                and "/" not in name[len(self._root) :]
            )
        return sorted(
            path.name
            for path in self.path.iterdir()
            if path.name.endswith(suffix) and not is_system_file(path.name)
        )

    def close(self):
        if self._zip is not None:
            self._zip.close()


def _not_utf8(name: str, error: UnicodeDecodeError) -> str:
    return _("%(file)s is not in UTF-8 (byte 0x%(byte)02x); save it in UTF-8 (in Excel: «CSV UTF-8»)") % {
        "file": name,
        "byte": error.object[error.start],
    }


def read_jsonl(bundle: Bundle, name: str = "items.jsonl"):
    """Items of ``items.jsonl``, one JSON object per line; a bad line yields a RecordError with its number."""
    with bundle.open_binary(name) as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield RecordError("invalid encoding", _not_utf8(name, exc), line=number)
                continue
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


#: Separators of a CSV file, the first one the default: Excel in a Ukrainian locale saves with ``;``.
CSV_DELIMITERS = (",", ";", "\t")


def _delimiter(header: str, resource) -> str:
    """The separator that splits the header into the most of the resource's columns."""
    columns = {field.column_name for field in resource.fields.values()}

    def known(delimiter):
        return len(columns.intersection(_header_cells(header, delimiter)))

    return max(CSV_DELIMITERS, key=known)


def _header_cells(header: str, delimiter: str) -> list[str]:
    """The column names of a header line as the resources name them: « Title» is ``title``."""
    return [cell.strip().lower() for cell in next(csv.reader([header], delimiter=delimiter), [])]


def _first_row_not_utf8(bundle: Bundle, name: str):
    """(row, error) of the first bytes of the file that are not UTF-8, or None; read in chunks.

    Checked before any row is read, so that a file saved in another encoding (Windows-1251) fails
    whole with one clear message rather than in the middle of the run.
    """
    decoder = codecs.getincrementaldecoder("utf-8")()
    lines = 1
    with bundle.open_binary(name) as handle:
        while True:
            chunk = handle.read(1 << 16)
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as error:
                return lines + chunk[: error.start].count(b"\n"), error
            if not chunk:
                return None
            lines += chunk.count(b"\n")


def read_csv(bundle: Bundle):
    """Items of one CSV per content type (``news.csv``, ``act.csv``, ...), read through the
    django-import-export resources of ``pages.resources`` (the admin import uses the same ones).
    Line numbers are ``file:row`` with the header as row 1.
    """
    for name in bundle.list(".csv"):
        item_type = CSV_TYPES.get(PurePosixPath(name).stem)
        if item_type is None:
            yield RecordError(
                "unknown type",
                _("%(file)s: name the file after its type, e.g. news.csv") % {"file": name},
                line=name,
            )
            continue
        bad_row = _first_row_not_utf8(bundle, name)
        if bad_row is not None:
            row, error = bad_row
            yield RecordError("invalid encoding", _not_utf8(name, error), line=f"{name}:{row}")
            continue
        resource = resource_for_type(item_type)
        with bundle.open_text(name) as handle:
            header = handle.readline()
            delimiter = _delimiter(header, resource)
            rows = csv.DictReader(handle, fieldnames=_header_cells(header, delimiter), delimiter=delimiter)
            for number, row in enumerate(rows, start=2):
                try:
                    mapping = resource.row_to_mapping(row)
                    record = record_from_mapping(mapping, line=number, file_exists=bundle.exists)
                    record.line = f"{name}:{number}"
                    yield record
                except RecordError as exc:
                    exc.line = f"{name}:{number}"
                    yield exc


PLONE_TYPES = {"News Item": "news", "Document": "page", "File": "page", "Event": "news"}
#: Plone's containers: a folder holds items, each imported by its own type into the site's sections (news
#: under the news index, documents under the home page); the folder itself shows only their listing. One
#: with text of its own (a rich-text behaviour on the old site) becomes a standard page, so the text stays.
PLONE_FOLDERS = {"Folder"}
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
    raise RecordError("missing file", _("%(file)s: no data, blob_path or download") % {"file": title})


def _plone_path(url: str, site_path: str = "") -> str:
    """The path of a Plone address as visitors knew it: without the host, and without the site's own
    path when the export was made on the back end (``http://localhost:8080/Plone/news/x`` → ``/news/x``)."""
    path = urlsplit(url).path if "://" in url else url
    if site_path and (path == site_path or path.startswith(site_path + "/")):
        path = path[len(site_path) :] or "/"
    return path


def _plone_site_path(bundle: Bundle, name: str) -> str:
    """The path of the Plone site in the export's addresses ('' when it was served at the root).

    An item at the top of the site names the site as its ``parent`` (``"@type": "Plone Site"``); the
    export is read until the first such item, which an export sorted by path holds near its start.
    """
    try:
        for item in _iter_json_array(bundle.open_text(name), json.JSONDecoder()):
            parent = item.get("parent") if isinstance(item, dict) else None
            if isinstance(parent, dict) and parent.get("@type") == "Plone Site":
                return _plone_path(str(parent.get("@id") or "")).rstrip("/")
    except (RecordError, UnicodeDecodeError):
        pass  # reported by the reading itself
    return ""


def _plone_item(bundle: Bundle, item: dict, number: int, site_path: str = "") -> LegacyRecord | SkippedItem:
    plone_type = item.get("@type")
    text = item.get("text") or {}
    body = text.get("data", "") if isinstance(text, dict) else str(text)
    if plone_type in PLONE_FOLDERS:
        if not convert_html(body)[0]:
            return SkippedItem("plone folder", line=number, legacy_id=item.get("UID") or item.get("@id"))
        plone_type = "Document"
    item_type = PLONE_TYPES.get(plone_type)
    if item_type is None:
        raise RecordError("unknown type", field="@type", value=str(plone_type))
    attachments = []
    for key in ("file", "image"):
        if isinstance(item.get(key), dict):
            attachments.append(_plone_blob(bundle, item[key], number))
    url = _plone_path(item.get("@id") or "", site_path)
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
    """Items of a collective.exportimport ``export_content`` JSON list (News Item, Document, File, Event;
    a Folder is skipped, see ``PLONE_FOLDERS``).

    The file is one JSON array; it is parsed item by item with ``json.JSONDecoder.raw_decode`` so a
    large export with inline base64 blobs is never held whole. The trailing ``unexported_paths``
    element is skipped.
    """
    decoder = json.JSONDecoder()
    number = 0
    site_path = _plone_site_path(bundle, name)
    items = _iter_json_array(bundle.open_text(name), decoder)
    while True:
        try:
            item = next(items)
        except StopIteration:
            return
        except RecordError as exc:
            # The export cannot be read past this point: what came before is imported.
            exc.line = number + 1
            yield exc
            return
        except UnicodeDecodeError as exc:
            yield RecordError("invalid encoding", _not_utf8(name, exc), line=number + 1)
            return
        number += 1
        if isinstance(item, dict) and "unexported_paths" in item and "@type" not in item:
            continue
        try:
            yield _plone_item(bundle, item, number, site_path)
        except RecordError as exc:
            exc.line = number
            exc.legacy_id = exc.legacy_id or (item.get("UID") if isinstance(item, dict) else None)
            yield exc


def _iter_json_array(handle, decoder, chunk_size=1 << 16):
    """The elements of a JSON array read from ``handle`` one by one.

    An element longer than the buffer (an inline base64 blob of tens of megabytes) is decoded again
    only after the buffer has doubled, so reading it costs a few passes over it, not one per chunk.
    """
    buffer = ""
    started = False
    wanted = chunk_size
    with handle:
        while True:
            chunk = handle.read(wanted)
            buffer += chunk
            while True:
                buffer = buffer.lstrip()
                if not started:
                    if not buffer:
                        break
                    if buffer[0] != "[":
                        raise RecordError("invalid JSON", _("a Plone export is a JSON array"))
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
                        raise RecordError("invalid JSON", _("the Plone export is cut short")) from None
                    wanted = max(chunk_size, len(buffer))
                    break
                wanted = chunk_size
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
