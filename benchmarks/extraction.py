"""Attachments' text extraction: throughput on normal documents, and the time to stop a crafted one.

    python benchmarks/extraction.py [--seconds 10]

Normal documents (a 10-page PDF with a Ukrainian text layer, a 300-paragraph DOCX, a 300-paragraph
ODT) are extracted again and again for about ``--seconds`` each, through the bounded runner (one child
process per document, as the task and the importer do) and, for contrast, in this process with no
limits: the difference is the price of the child process. Then the crafted documents of issue 11 (a
20,000-page PDF sharing one content stream, DOCX bombs) are run once each under the settings' limits
and under the small limits of the tests, and the time to the verdict is printed. No database is used.
"""

import argparse
import io
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.test")

import django  # noqa: E402

django.setup()

import docx  # noqa: E402
from odf.opendocument import OpenDocumentText  # noqa: E402
from odf.text import P  # noqa: E402
from pypdf import PdfReader, PdfWriter  # noqa: E402

from cms.extraction import Caps, extract_text  # noqa: E402
from cms.extraction_runner import Limits, extract_bounded  # noqa: E402
from cms.pdf import make_pdf  # noqa: E402
from tests.cms.crafted import paragraphs_docx, shared_stream_pdf  # noqa: E402

SENTENCE = "Ніжинська міська рада вирішила затвердити програму благоустрою вулиць і скверів міста на рік"


def normal_pdf(pages: int = 10) -> bytes:
    page = make_pdf(title="Рішення про благоустрій", paragraphs=[SENTENCE] * 12)
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_page(PdfReader(io.BytesIO(page)).pages[0])
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def normal_docx(paragraphs: int = 300) -> bytes:
    document = docx.Document()
    for n in range(paragraphs):
        document.add_paragraph(f"{n}. {SENTENCE}")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def normal_odt(paragraphs: int = 300) -> bytes:
    document = OpenDocumentText()
    for n in range(paragraphs):
        document.text.addElement(P(text=f"{n}. {SENTENCE}"))
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def throughput(extract, data: bytes, seconds: float) -> tuple[int, float]:
    """How many extractions of ``data`` fit in about ``seconds``; returns (count, elapsed)."""
    count, start = 0, time.perf_counter()
    while True:
        extract(data)
        count += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return count, elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=10.0, help="time per format and way (default 10)")
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")
    settings_limits = Limits.from_settings()
    print(f"limits from the settings: {settings_limits}")
    print("\nnormal documents: documents/s and MB/s (bounded child process | in process, no limits)")
    for name, data in (("pdf", normal_pdf()), ("docx", normal_docx()), ("odt", normal_odt())):
        filename = f"normal.{name}"
        outcome = extract_bounded(data, filename, limits=settings_limits)
        assert outcome.status == "done", outcome
        bounded = throughput(
            lambda d, name=filename: extract_bounded(d, name, limits=settings_limits), data, args.seconds
        )
        inline = throughput(lambda d, name=filename: extract_text(d, name, Caps()), data, args.seconds)
        megabytes = len(data) / 1e6
        print(
            f"  {name:5} {len(data) / 1024:7.1f} KB, {len(outcome.text):6} chars: "
            f"{bounded[0] / bounded[1]:6.2f} docs/s {bounded[0] * megabytes / bounded[1]:6.3f} MB/s "
            f"| {inline[0] / inline[1]:7.2f} docs/s {inline[0] * megabytes / inline[1]:7.3f} MB/s"
        )
    small = Limits(timeout_seconds=3, memory_mb=256, max_chars=10**9, max_pages=10**6)
    crafted = [
        ("20,000-page PDF, settings' limits", shared_stream_pdf(), "bomb.pdf", settings_limits),
        ("20,000-page PDF, 3 s / no page cap", shared_stream_pdf(), "bomb.pdf", small),
        ("DOCX, 100 MB of XML zipped", paragraphs_docx(megabytes=100), "bomb.docx", small),
        ("DOCX, 60 MB of XML zipped, 256 MB", paragraphs_docx(megabytes=60), "bomb.docx", small),
    ]
    print("\ncrafted documents: time to the verdict")
    for label, data, filename, limits in crafted:
        start = time.perf_counter()
        outcome = extract_bounded(data, filename, limits=limits)
        print(
            f"  {label:38} {len(data) / 1024:7.0f} KB: {time.perf_counter() - start:5.2f} s, {outcome.error}"
        )
    print(f"\nload average after: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")


if __name__ == "__main__":
    main()
