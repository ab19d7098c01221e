"""Attachments and body images: files read once from the bundle, stored once per content."""

import hashlib
import io
import posixpath
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from wagtail.images import get_image_model
from wagtail.models import Collection

from cms.extraction import content_hash
from cms.extraction_runner import extraction_fields
from cms.models import CouncilDocument, document_upload_to

from .records import RecordError


class FileCache:
    """The content hashes of a batch's attachments, each file hashed once, streamed from the bundle.

    A batch keeps no file's bytes: a file is hashed in chunks when the batch is classified and read
    again, one at a time, only when its document is new and written (``write_documents``). An import
    of 500 items with 20 MB scans each therefore holds one scan at a time, not ten gigabytes. Only an
    attachment that came inline (a Plone export's base64 ``data``) is in memory, with its record.
    """

    CHUNK_SIZE = 1 << 20

    def __init__(self, bundle):
        self.bundle = bundle
        #: (content hash, size) per path in the bundle, or per id of an inline attachment's bytes.
        self.hashed = {}

    def _check(self, attachment):
        if attachment.data is None and (self.bundle is None or not self.bundle.exists(attachment.path)):
            raise RecordError("missing file", attachment.path, field="attachments")

    def read(self, attachment) -> bytes:
        if attachment.data is not None:
            return attachment.data
        self._check(attachment)
        return self.bundle.read(attachment.path)

    def _hash(self, attachment) -> tuple[str, int]:
        if attachment.data is not None:
            return content_hash(attachment.data), len(attachment.data)
        self._check(attachment)
        hasher, size = hashlib.sha256(), 0
        with self.bundle.open_binary(attachment.path) as handle:
            while chunk := handle.read(self.CHUNK_SIZE):
                hasher.update(chunk)
                size += len(chunk)
        return hasher.hexdigest(), size

    def digest(self, attachment) -> str:
        """The content hash of an attachment's bytes (``cms.extraction.content_hash``).

        An empty file fails its item like a missing one: its content was lost on the way (a citizen
        would download nothing), and the writer classifies with this, so a dry run says it too.
        """
        key = attachment.path if attachment.data is None else id(attachment.data)
        if key not in self.hashed:
            self.hashed[key] = self._hash(attachment)
        digest, size = self.hashed[key]
        if not size:
            raise RecordError("empty file", attachment.path or attachment.title, field="attachments")
        return digest


def _file_name(attachment) -> str:
    name = PurePosixPath(attachment.path).name or "file"
    if not PurePosixPath(name).suffix and PurePosixPath(attachment.title).suffix:
        name = PurePosixPath(attachment.title).name  # Plone blobs are stored without an extension
    return name


def write_documents(records, files: FileCache) -> dict:
    """Document id per content hash for every attachment of the records, creating the new ones."""
    by_hash = {}
    for record in records:
        for attachment in record.attachments:
            by_hash.setdefault(files.digest(attachment), attachment)
    existing = dict(
        CouncilDocument.objects.filter(content_hash__in=list(by_hash)).values_list("content_hash", "pk")
    )
    collection_id = Collection.get_first_root_node().pk
    new = []
    for digest, attachment in by_hash.items():
        if digest in existing:
            continue
        data = files.read(attachment)  # one new file's bytes at a time, for its storage and its text
        name = _file_name(attachment)
        stored = default_storage.save(document_upload_to(attachment, name), ContentFile(data))
        new.append(
            CouncilDocument(
                collection_id=collection_id,
                title=(attachment.title or name)[:255],
                file=stored,
                file_size=len(data),
                file_hash=hashlib.sha1(data).hexdigest(),
                content_hash=digest,
                **extraction_fields(data, name),
            )
        )
    for document in CouncilDocument.objects.bulk_create(new):
        existing[document.content_hash] = document.pk
    return existing


def bundle_path(src: str) -> str:
    """The path inside the bundle of an image's ``src`` as the old page wrote it: a URL or a path,
    percent-encoded (``%D1%84%D0%BE%D1%82%D0%BE.png``) or not, relative (``../files/a.png``), with a
    query string (``?v=2``); the bundle keeps the old site's paths from its root."""
    path = urlsplit(src).path if "://" in src else src.split("?", 1)[0].split("#", 1)[0]
    return posixpath.normpath("/" + unquote(path)).lstrip("/")


class ImageImporter:
    """Images of bodies, imported from the bundle and reused when identical; counts the missing ones.

    In a dry run (``dry_run``) it only looks for each image in the bundle, so that the dry run counts
    the missing ones as the real run would, and imports nothing.
    """

    def __init__(self, bundle, *, dry_run=False):
        self.bundle = bundle
        self.dry_run = dry_run
        #: (line, legacy_id, path) of each image not found, in the order met.
        self.missing = []
        #: The record whose body is being converted: (line, legacy_id).
        self.record = (None, None)

    def __call__(self, src: str, alt: str):
        """The id of the image at ``src`` (a path or URL into the bundle); None if it is not there."""
        path = bundle_path(src)
        if self.bundle is None or not self.bundle.exists(path):
            self.missing.append((*self.record, path))
            return None
        if self.dry_run:
            return None
        data = self.bundle.read(path)
        image_model = get_image_model()
        # Wagtail's file_hash is the SHA-1 of the file; width and height are read by the ImageField.
        sha1 = hashlib.sha1(data).hexdigest()
        image = image_model.objects.filter(file_hash=sha1).first()
        if image is None:
            image = image_model.objects.create(
                title=(alt or PurePosixPath(path).name)[:255],
                file=ImageFile(io.BytesIO(data), name=PurePosixPath(path).name),
                file_size=len(data),
                file_hash=sha1,
            )
        return image.pk
