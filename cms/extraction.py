"""Text extraction from attached files (PDF, DOCX, ODT, plain text), for search.

A leaf module: it knows file formats and nothing of the project (not even Django), because it runs
in the child process of ``cms.extraction_worker``, which the bounded runner (``cms.extraction_runner``)
starts with a wall-clock and a memory limit. The caps on pages, characters and the unpacked size of a
zipped document are checked here, as early as each format allows, so a crafted file fails fast with a
reason instead of running into the harder limits.
"""

import hashlib
import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

#: The caps of one extraction; the runner fills them from the settings (EXTRACTION_*).
DEFAULT_MAX_CHARS = 500_000
DEFAULT_MAX_PAGES = 2_000
#: A zipped document (DOCX, ODT) whose XML unpacks to more than this many bytes is refused unread.
DEFAULT_MAX_UNPACKED_BYTES = 128 * 1024 * 1024


@dataclass(frozen=True)
class Caps:
    max_chars: int = DEFAULT_MAX_CHARS
    max_pages: int = DEFAULT_MAX_PAGES
    max_unpacked_bytes: int = DEFAULT_MAX_UNPACKED_BYTES


class LimitExceeded(Exception):
    """A document past a cap: ``reason`` names it (``pages``, ``chars``, ``unpacked``), ``value`` measures."""

    def __init__(self, reason: str, value: int):
        super().__init__(f"{reason}: {value}")
        self.reason = reason
        self.value = value


class _Collector:
    """Collects text parts and stops as soon as the total passes the cap on characters."""

    def __init__(self, max_chars: int):
        self.max_chars = max_chars
        self.parts: list[str] = []
        self.size = 0

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.size += len(text)
        if self.size > self.max_chars:
            raise LimitExceeded("chars", self.max_chars)

    def text(self) -> str:
        return "\n".join(self.parts)


def _check_unpacked(data: bytes, caps: Caps) -> None:
    """Refuse a zip whose members unpack past the cap (a «zip bomb»), before any XML is parsed.

    ``zipfile`` never returns more than a member's declared size, so the declared sizes bound the work.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > caps.max_unpacked_bytes:
        raise LimitExceeded("unpacked", unpacked)


def _pdf_text(data: bytes, caps: Caps) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    # The page tree's declared count first: counting the pages themselves walks the whole tree (20 s for
    # 20,000 pages on a loaded machine). A file that declares too few is still counted, then timed.
    declared = reader.root_object["/Pages"].get("/Count", 0)
    if isinstance(declared, int) and declared > caps.max_pages:
        raise LimitExceeded("pages", declared)
    pages = len(reader.pages)
    if pages > caps.max_pages:
        raise LimitExceeded("pages", pages)
    collector = _Collector(caps.max_chars)
    for page in reader.pages:
        collector.add(page.extract_text() or "")
    return collector.text()


def _docx_text(data: bytes, caps: Caps) -> str:
    import docx

    _check_unpacked(data, caps)
    document = docx.Document(io.BytesIO(data))
    collector = _Collector(caps.max_chars)
    for paragraph in document.paragraphs:
        collector.add(paragraph.text)
    for table in document.tables:
        for row in table.rows:
            collector.add(" ".join(cell.text for cell in row.cells))
    return collector.text()


def _odt_text(data: bytes, caps: Caps) -> str:
    from odf import teletype, text
    from odf.opendocument import load

    _check_unpacked(data, caps)
    document = load(io.BytesIO(data))
    collector = _Collector(caps.max_chars)
    for node in document.getElementsByType(text.P):
        collector.add(teletype.extractText(node))
    return collector.text()


def _plain_text(data: bytes, caps: Caps) -> str:
    if len(data) > caps.max_chars * 4:  # four bytes per character at most in UTF-8
        raise LimitExceeded("chars", caps.max_chars)
    for encoding in ("utf-8", "cp1251"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        text = data.decode("utf-8", errors="replace")
    collector = _Collector(caps.max_chars)
    collector.add(text)
    return collector.text()


EXTRACTORS = {".pdf": _pdf_text, ".docx": _docx_text, ".odt": _odt_text, ".txt": _plain_text}


def can_extract(filename: str) -> bool:
    """Whether the file's format is one we read text from (by its extension)."""
    return PurePath(filename).suffix.lower() in EXTRACTORS


def extract_text(data: bytes, filename: str, caps: Caps = Caps()) -> str:
    """The text of a file, chosen by its extension, with whitespace collapsed; "" for other formats.

    Raises ``LimitExceeded`` past a cap and whatever the format library raises on a damaged file:
    call it through ``cms.extraction_runner.extract_bounded``, which also bounds time and memory.
    """
    extractor = EXTRACTORS.get(PurePath(filename).suffix.lower())
    if extractor is None:
        return ""
    return " ".join(extractor(data, caps).split())


def content_hash(data: bytes) -> str:
    """SHA-256 of a file's bytes, used to de-duplicate identical attachments."""
    return hashlib.sha256(data).hexdigest()
