"""Bounded text extraction: the text of a file, read in a separate process under hard limits.

A crafted PDF or DOCX can take minutes of CPU and gigabytes of memory inside pypdf or python-docx
(issue 11). So the parsing never happens in the web or import process: ``extract_bounded`` starts
``python -m cms.extraction_worker``, feeds it the bytes, and kills it at the wall-clock limit; the child
caps its own memory. Every outcome is a value, never an exception, so an upload or an import always
carries on; a document past a limit keeps an empty text and the reason, in Ukrainian, for the editors.

Limits come from the settings ``EXTRACTION_TIMEOUT_SECONDS``, ``EXTRACTION_MEMORY_MB``,
``EXTRACTION_MAX_CHARS`` and ``EXTRACTION_MAX_PAGES`` (see ``settings/base.py``).
"""

import json
import logging
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from .extraction import Caps, LimitExceeded, can_extract, extract_text
from .models import ExtractionStatus

logger = logging.getLogger(__name__)

#: Formats read in this process: decoding plain text is linear in its size, which is capped before
#: decoding, so no file can make it slow or large; a child per file would cost the legacy import
#: (one text attachment per act) a process start each.
IN_PROCESS_SUFFIXES = {".txt"}

#: The directory that holds the ``cms`` package, put on the child's path whatever its working directory.
_PROJECT_ROOT = str(Path(__file__).resolve().parent.parent)


@dataclass(frozen=True)
class Limits:
    timeout_seconds: float
    memory_mb: int
    max_chars: int
    max_pages: int

    @classmethod
    def from_settings(cls) -> "Limits":
        return cls(
            timeout_seconds=settings.EXTRACTION_TIMEOUT_SECONDS,
            memory_mb=settings.EXTRACTION_MEMORY_MB,
            max_chars=settings.EXTRACTION_MAX_CHARS,
            max_pages=settings.EXTRACTION_MAX_PAGES,
        )

    @property
    def max_unpacked_bytes(self) -> int:
        # An XML tree takes several times its text in memory: a quarter of the memory limit is the most
        # a zipped document may unpack to before it is refused unread.
        return self.memory_mb * 1024 * 1024 // 4


@dataclass(frozen=True)
class Extraction:
    """The outcome of one extraction: ``status`` done, failed or unsupported; ``error`` says why it failed."""

    status: str
    text: str = ""
    error: str = ""

    @property
    def fields(self) -> dict:
        """The document fields that record this outcome."""
        return {"extracted_text": self.text, "extraction_status": self.status, "extraction_error": self.error}


def describe_failure(outcome: dict, limits: Limits) -> str:
    """The reason of a failed extraction, in words an editor understands."""
    reason, value = outcome.get("reason"), outcome.get("value", 0)
    if reason == "timeout":
        return _("time limit exceeded: %(seconds)s s") % {"seconds": f"{limits.timeout_seconds:g}"}
    if reason == "memory":
        return _("memory limit exceeded: %(mb)s MB") % {"mb": limits.memory_mb}
    if reason == "pages":
        return _("too many pages: %(pages)s (the limit is %(limit)s)") % {
            "pages": value,
            "limit": limits.max_pages,
        }
    if reason == "chars":
        return _("too much text: more than %(limit)s characters") % {"limit": limits.max_chars}
    if reason == "unpacked":
        return _("the document unpacks to %(mb)s MB (the limit is %(limit)s MB)") % {
            "mb": value // (1024 * 1024),
            "limit": limits.max_unpacked_bytes // (1024 * 1024),
        }
    if reason == "crashed":
        return _(
            "the extraction process stopped abnormally (code %(code)s), probably out of memory (%(mb)s MB)"
        ) % {
            "code": value,
            "mb": limits.memory_mb,
        }
    return _("the file is damaged or unreadable: %(detail)s") % {"detail": outcome.get("detail", "")}


def _command(filename: str, limits: Limits) -> list[str]:
    return [
        sys.executable,
        "-m",
        "cms.extraction_worker",
        f"--filename={filename}",
        f"--memory-mb={limits.memory_mb}",
        # The CPU limit is a backstop behind the wall clock, never the first to strike.
        f"--cpu-seconds={int(limits.timeout_seconds) + 2}",
        f"--max-chars={limits.max_chars}",
        f"--max-pages={limits.max_pages}",
        f"--max-unpacked-bytes={limits.max_unpacked_bytes}",
    ]


def _run_child(data: bytes, filename: str, limits: Limits) -> dict:
    environment = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [_PROJECT_ROOT, os.environ.get("PYTHONPATH")])),
    }
    try:
        completed = subprocess.run(  # noqa: S603 - our own interpreter and module, no shell
            _command(filename, limits),
            input=data,
            capture_output=True,
            timeout=limits.timeout_seconds,
            env=environment,
            check=False,
        )
    except subprocess.TimeoutExpired:
        # subprocess.run has killed the child and reaped it.
        return {"status": "failed", "reason": "timeout"}
    try:
        return json.loads(completed.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        # No answer: the kernel killed the child (CPU limit) or it died on a failed allocation.
        logger.warning(
            "Extraction of %s stopped with code %s: %s",
            filename,
            completed.returncode,
            completed.stderr[-500:],
        )
        return {"status": "failed", "reason": "crashed", "value": completed.returncode}


def _run_here(data: bytes, filename: str, limits: Limits) -> dict:
    caps = Caps(
        max_chars=limits.max_chars, max_pages=limits.max_pages, max_unpacked_bytes=limits.max_unpacked_bytes
    )
    try:
        return {"status": "done", "text": extract_text(data, filename, caps)}
    except LimitExceeded as exc:
        return {"status": "failed", "reason": exc.reason, "value": exc.value}


def extract_bounded(data: bytes, filename: str, *, limits: Limits | None = None) -> Extraction:
    """The text of a file, extracted in a child process within the limits; never raises."""
    if not can_extract(filename):
        return Extraction(status=ExtractionStatus.UNSUPPORTED)
    limits = limits or Limits.from_settings()
    if Path(filename).suffix.lower() in IN_PROCESS_SUFFIXES:
        outcome = _run_here(data, filename, limits)
    else:
        outcome = _run_child(data, filename, limits)
    if outcome.get("status") == "done":
        return Extraction(status=ExtractionStatus.DONE, text=outcome.get("text", ""))
    error = describe_failure(outcome, limits)
    logger.warning("No text extracted from %s: %s", filename, error)
    return Extraction(status=ExtractionStatus.FAILED, error=error)


def unreadable_file() -> Extraction:
    """The outcome for a document whose stored file is missing or cannot be opened."""
    return Extraction(status=ExtractionStatus.FAILED, error=_("the file cannot be read"))


def extraction_fields(data: bytes, filename: str) -> dict:
    """The document fields (text, status, error) for a file: what an importer writes beside the file."""
    return extract_bounded(data, filename).fields
