"""A large dataset leaves as a stream, in memory that does not grow with the number of records."""

import gc
import tracemalloc

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


def peak_while_streaming(client, url) -> tuple[int, int]:
    """The peak memory traced while the response is read chunk by chunk, and the number of lines."""
    gc.collect()
    tracemalloc.start()
    try:
        response = client.get(url)
        assert isinstance(response, StreamingHttpResponse)
        lines = sum(chunk.count(b"\n") for chunk in response.streaming_content)
        return tracemalloc.get_traced_memory()[1], lines
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_organizations_export_of_20000_rows_streams_in_bounded_memory(client, fmt, monkeypatch):
    monkeypatch.setattr("reports.opendata.CHUNK_SIZE", 500)
    add_organizations(0, 2_000)
    small, small_lines = peak_while_streaming(client, f"/opendata/organizations.{fmt}")
    add_organizations(2_000, 18_000)
    large, large_lines = peak_while_streaming(client, f"/opendata/organizations.{fmt}")
    assert large_lines > 20_000 and small_lines > 2_000
    # Ten times the records: the peak stays that of a chunk (all 20,000 rows would be several MB).
    assert large < small * 2, (small, large)
