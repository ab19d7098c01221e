"""A large dataset leaves as a stream, in memory that does not grow with the number of records."""

import csv
import gc
import io
import json
import tempfile
import tracemalloc

import openpyxl
import pytest
from django.http import StreamingHttpResponse

from registry.models import Organization, OrganizationKind
from registry.validators import edrpou_check_digit

pytestmark = pytest.mark.django_db


def add_organizations(start: int, count: int):
    Organization.objects.bulk_create(
        Organization(
            kind=OrganizationKind.NGO,
            name=f"ГО «Ніжинські ініціативи {n}», м. Ніжин",
            edrpou=f"{n:07d}{edrpou_check_digit(f'{n:07d}')}",
            address="вул. Гоголя, 1\nкаб. 2",
            head="=Петренко",
        )
        for n in range(3_000_000 + start, 3_000_000 + start + count)
    )


def peak_while_reading(client, url) -> tuple[int, bytes]:
    """The peak memory traced while the response is built and read chunk by chunk, and the body (kept in
    a temporary file meanwhile, so that holding it is not counted)."""
    gc.collect()
    with tempfile.TemporaryFile() as body:
        tracemalloc.start()
        try:
            response = client.get(url)
            assert isinstance(response, StreamingHttpResponse)
            for chunk in response.streaming_content:  # the test client closes the response at the end
                body.write(chunk)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        body.seek(0)
        return peak, body.read()


def records_in(fmt: str, content: bytes) -> int:
    if fmt == "xlsx":
        sheet = openpyxl.load_workbook(io.BytesIO(content), read_only=True).active
        return sum(1 for _ in sheet.iter_rows(min_row=2, values_only=True))
    if fmt == "json":
        return len(json.loads(content)["items"])
    return len(list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))) - 1  # the header


def test_organizations_export_of_5000_rows_is_built_in_bounded_memory_in_every_format(client, monkeypatch):
    """CSV and JSON are streamed row by row; the XLSX is written by openpyxl's write-only mode (inline
    strings, rows to a temporary file as they come). Ten times the records, not ten times the memory."""
    monkeypatch.setattr("reports.opendata.CHUNK_SIZE", 100)
    formats = ("csv", "json", "xlsx")
    add_organizations(0, 500)
    small = {fmt: peak_while_reading(client, f"/opendata/organizations.{fmt}") for fmt in formats}
    add_organizations(500, 4_500)
    large = {fmt: peak_while_reading(client, f"/opendata/organizations.{fmt}") for fmt in formats}
    for fmt in formats:
        assert (records_in(fmt, small[fmt][1]), records_in(fmt, large[fmt][1])) == (500, 5_000), fmt
        # The peak stays that of a chunk (all 5,000 rows would be a few MB).
        assert large[fmt][0] < small[fmt][0] * 2, (fmt, small[fmt][0], large[fmt][0])
