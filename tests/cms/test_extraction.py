"""Bounded extraction: text read in a child process, crafted documents stopped at a limit with a reason."""

import io
import json
import subprocess
import sys
import textwrap

import docx
import pytest
from odf.opendocument import OpenDocumentText
from odf.text import P

from cms.extraction_runner import Limits, extract_bounded
from cms.models import ExtractionStatus
from tests.factories import minimal_pdf

from .crafted import paragraphs_docx, shared_stream_pdf

pytestmark = pytest.mark.django_db  # the reasons are translated by the project's catalogues

#: Generous limits for normal documents: a loaded machine must not make them fail.
GENEROUS = Limits(timeout_seconds=60, memory_mb=512, max_chars=500_000, max_pages=2_000)


def small_limits(**overrides) -> Limits:
    """The limits of the crafted-document tests (3 s, 256 MB), with the other caps out of the way."""
    values = {"timeout_seconds": 3, "memory_mb": 256, "max_chars": 10**9, "max_pages": 10**6, **overrides}
    return Limits(**values)


def docx_bytes(*paragraphs: str) -> bytes:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def odt_bytes(text: str) -> bytes:
    document = OpenDocumentText()
    document.text.addElement(P(text=text))
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def test_pdf_text_is_extracted_in_a_child_process():
    outcome = extract_bounded(minimal_pdf("Рішення про міський бюджет"), "budget.pdf", limits=GENEROUS)
    assert outcome.status == ExtractionStatus.DONE
    assert "Рішення про міський бюджет" in outcome.text
    assert outcome.error == ""


def test_docx_text_including_tables_is_extracted():
    data = docx_bytes("Реконструкція стадіону", "на вулиці Шевченка")
    outcome = extract_bounded(data, "koshtorys.docx", limits=GENEROUS)
    assert outcome.status == ExtractionStatus.DONE
    assert outcome.text == "Реконструкція стадіону на вулиці Шевченка"


def test_odt_text_is_extracted():
    outcome = extract_bounded(odt_bytes("Положення про конкурс"), "polozhennia.odt", limits=GENEROUS)
    assert (outcome.status, outcome.text) == (ExtractionStatus.DONE, "Положення про конкурс")


def test_plain_text_is_read_within_the_character_cap():
    assert (
        extract_bounded("Рішення про бюджет".encode("cp1251"), "a.txt", limits=GENEROUS).text
        == "Рішення про бюджет"
    )
    outcome = extract_bounded(b"x" * 5_000, "long.txt", limits=small_limits(max_chars=1_000))
    assert (outcome.status, outcome.error) == (
        ExtractionStatus.FAILED,
        "забагато тексту (ліміт символів — 1000)",
    )


def test_a_format_without_text_is_not_sent_to_the_child():
    outcome = extract_bounded(b"PK\x03\x04", "table.xlsx", limits=GENEROUS)
    assert (outcome.status, outcome.text, outcome.error) == (ExtractionStatus.UNSUPPORTED, "", "")


def test_a_damaged_file_fails_with_the_reason():
    outcome = extract_bounded(b"%PDF-1.4 not really", "broken.pdf", limits=GENEROUS)
    assert outcome.status == ExtractionStatus.FAILED
    assert outcome.error.startswith("файл пошкоджений або не читається")


def test_a_damaged_file_is_not_taken_for_lack_of_memory_when_the_parent_is_large():
    # A gunicorn worker or a test run may have used more memory than the child's limit; the child
    # must judge its own memory, not the peak it inherits from its parent across fork and exec.
    parent = textwrap.dedent(
        """
        import subprocess, sys
        ballast = b"x" * (300 << 20)
        worker = [sys.executable, "-m", "cms.extraction_worker", "--filename=broken.pdf",
                  "--memory-mb=256", "--cpu-seconds=30", "--max-chars=1000", "--max-pages=10",
                  "--max-unpacked-bytes=1000000"]
        answer = subprocess.run(worker, input=b"%PDF-1.4 not really", capture_output=True, check=True)
        sys.stdout.buffer.write(answer.stdout)
        """
    )
    completed = subprocess.run([sys.executable, "-c", parent], capture_output=True, check=True, timeout=60)
    assert json.loads(completed.stdout)["reason"] == "damaged"


def test_pdf_of_many_pages_sharing_one_stream_stops_at_the_page_cap():
    outcome = extract_bounded(
        shared_stream_pdf(pages=20_000), "bomb.pdf", limits=small_limits(timeout_seconds=60, max_pages=1_000)
    )
    assert outcome.status == ExtractionStatus.FAILED
    assert outcome.error == "забагато сторінок: 20000 (ліміт — 1000)"
    assert outcome.text == ""


def test_pdf_of_many_pages_sharing_one_stream_is_killed_at_the_time_limit():
    outcome = extract_bounded(shared_stream_pdf(pages=20_000), "bomb.pdf", limits=small_limits())
    assert outcome.status == ExtractionStatus.FAILED
    assert outcome.error == "перевищено ліміт часу: 3 с"


def test_pdf_text_past_the_character_cap_is_not_kept():
    pdf = shared_stream_pdf(pages=50, words=100)
    outcome = extract_bounded(pdf, "long.pdf", limits=small_limits(timeout_seconds=60, max_chars=2_000))
    assert outcome.status == ExtractionStatus.FAILED
    assert outcome.error == "забагато тексту (ліміт символів — 2000)"


def test_docx_that_unpacks_past_the_memory_share_is_refused_unread():
    bomb = paragraphs_docx(megabytes=100)
    assert len(bomb) < 1024 * 1024  # a zip bomb: a few hundred kilobytes on disk
    outcome = extract_bounded(bomb, "bomb.docx", limits=small_limits())
    assert outcome.status == ExtractionStatus.FAILED
    assert outcome.error == "розпакований документ займає 100 МБ (ліміт — 64 МБ)"


def test_docx_of_tiny_paragraphs_stops_at_the_memory_limit():
    # 60 MB of XML passes the unpacked-size check (64 MB at 256 MB) but not the memory limit.
    outcome = extract_bounded(
        paragraphs_docx(megabytes=60), "bomb.docx", limits=small_limits(timeout_seconds=120)
    )
    assert outcome.status == ExtractionStatus.FAILED
    assert outcome.error == "перевищено ліміт пам’яті: 256 МБ"


def test_limits_come_from_the_settings(settings):
    settings.EXTRACTION_TIMEOUT_SECONDS = 7
    settings.EXTRACTION_MEMORY_MB = 300
    settings.EXTRACTION_MAX_CHARS = 1234
    settings.EXTRACTION_MAX_PAGES = 5
    assert Limits.from_settings() == Limits(timeout_seconds=7, memory_mb=300, max_chars=1234, max_pages=5)
