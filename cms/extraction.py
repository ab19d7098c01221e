"""Text extraction from attached files (PDF, DOCX, ODT, plain text), for search.

A leaf module: it knows file formats and nothing of the project, so the admin upload, the legacy
importer and the search index all read a document's text the same way.
"""

import hashlib
import io
import logging
from pathlib import PurePath

logger = logging.getLogger(__name__)

#: Extracted text beyond this many characters is cut: enough for any act, bounded for the index.
MAX_TEXT_CHARS = 500_000


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    parts = []
    size = 0
    for page in reader.pages:
        text = page.extract_text() or ""
        parts.append(text)
        size += len(text)
        if size > MAX_TEXT_CHARS:
            break
    return "\n".join(parts)


def _docx_text(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def _odt_text(data: bytes) -> str:
    from odf import teletype, text
    from odf.opendocument import load

    document = load(io.BytesIO(data))
    return "\n".join(teletype.extractText(node) for node in document.getElementsByType(text.P))


def _plain_text(data: bytes) -> str:
    for encoding in ("utf-8", "cp1251"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


EXTRACTORS = {".pdf": _pdf_text, ".docx": _docx_text, ".odt": _odt_text, ".txt": _plain_text}


def extract_text(data: bytes, filename: str) -> str:
    """The text of a file, chosen by its extension; empty for formats we cannot read or broken files.

    A damaged file must never stop an upload or an import, so errors are logged, not raised.
    """
    extractor = EXTRACTORS.get(PurePath(filename).suffix.lower())
    if extractor is None:
        return ""
    try:
        text = extractor(data)
    except Exception as exc:  # noqa: BLE001
        # pypdf, python-docx and odfpy raise many unrelated exception types on damaged files.
        logger.warning("Could not extract text from %s: %s", filename, exc)
        return ""
    return " ".join(text.split())[:MAX_TEXT_CHARS]


def content_hash(data: bytes) -> str:
    """SHA-256 of a file's bytes, used to de-duplicate identical attachments."""
    return hashlib.sha256(data).hexdigest()
