"""Open data: acts, commission documents and the registry of organisations as CSV and JSON.

Rows are read with ``values()`` and ``iterator(chunk_size=…)`` and written as they come, so a full
export streams in constant memory whatever the size of the archive. The columns of each dataset
are the properties of its committed JSON Schema (``reports/schemas/<name>.schema.json``), in
that order; the tests validate the exports against those files.
"""

import csv
import datetime
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from wagtail.models import Page, Site

from cms.bulk import chunked
from pages.models import ActPage, CommissionDocumentPage, CommissionPage
from registry.models import Organization

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"
CHUNK_SIZE = 2000


@cache
def load_schema(name: str) -> dict:
    """The committed JSON Schema of dataset ``name``."""
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


def columns(name: str) -> list[str]:
    return list(load_schema(name)["properties"]["items"]["items"]["properties"])


def _page_url_builder():
    """A function from a page's ``url_path`` to its absolute URL on the default site (no query per row)."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return lambda url_path: None
    root_path, root_url = site.root_page.url_path, site.root_url

    def build(url_path: str) -> str | None:
        if not url_path.startswith(root_path):
            return None
        return f"{root_url}/{url_path[len(root_path) :]}"

    return build


def act_rows() -> Iterator[dict]:
    """Live acts, oldest first."""
    url = _page_url_builder()
    queryset = (
        ActPage.objects.live()
        .order_by("pk")
        .values(
            "pk",
            "url_path",
            "title",
            "act_type",
            "number",
            "issuer__name",
            "convocation",
            "session",
            "status",
            "adopted_on",
            "effective_from",
            "date",
            "planned_consideration_on",
            "discussion_until",
            "first_published_at",
            "summary",
        )
    )
    for row in queryset.iterator(chunk_size=CHUNK_SIZE):
        yield {
            "id": row["pk"],
            "url": url(row["url_path"]),
            "title": row["title"],
            "act_type": row["act_type"],
            "number": row["number"],
            "issuer": row["issuer__name"],
            "convocation": row["convocation"],
            "session": row["session"],
            "status": row["status"],
            "adopted_on": row["adopted_on"],
            "effective_from": row["effective_from"],
            "published_on": row["date"],
            "planned_consideration_on": row["planned_consideration_on"],
            "discussion_until": row["discussion_until"],
            "first_published_at": row["first_published_at"],
            "summary": row["summary"],
        }


def commission_document_rows() -> Iterator[dict]:
    """Live documents of the deputy commissions, oldest first, with the commission's name."""
    url = _page_url_builder()
    commissions = dict(CommissionPage.objects.values_list("path", "title"))
    queryset = (
        CommissionDocumentPage.objects.live()
        .order_by("pk")
        .values(
            "pk",
            "url_path",
            "path",
            "title",
            "doc_type",
            "number",
            "meeting_date",
            "date",
            "first_published_at",
        )
    )
    for row in queryset.iterator(chunk_size=CHUNK_SIZE):
        yield {
            "id": row["pk"],
            "url": url(row["url_path"]),
            "title": row["title"],
            "commission": commissions.get(row["path"][: -Page.steplen]),
            "doc_type": row["doc_type"],
            "number": row["number"],
            "meeting_date": row["meeting_date"],
            "published_on": row["date"],
            "first_published_at": row["first_published_at"],
        }


ORGANIZATION_FIELDS = (
    "pk",
    "kind",
    "name",
    "short_name",
    "edrpou",
    "legal_form",
    "registration_date",
    "status",
    "address",
    "head",
    "website",
    "party",
    "faction",
    "seats",
)


def organization_rows() -> Iterator[dict]:
    """The registry of NGOs and party organisations; fields of activity fetched per chunk.

    Phone, e-mail and the editors' notes are not published: they are contact details and
    internal remarks, not register data.
    """
    through = Organization.fields_of_activity.through
    queryset = Organization.objects.order_by("pk").values(*ORGANIZATION_FIELDS)
    for chunk in chunked(queryset.iterator(chunk_size=CHUNK_SIZE), CHUNK_SIZE):
        activities: dict[int, list[str]] = {}
        links = (
            through.objects.filter(organization_id__in=[row["pk"] for row in chunk])
            .order_by("fieldofactivity__name")
            .values_list("organization_id", "fieldofactivity__name")
        )
        for organization_id, name in links:
            activities.setdefault(organization_id, []).append(name)
        for row in chunk:
            record = {"id": row.pop("pk"), **row}
            record["fields_of_activity"] = activities.get(record["id"], [])
            yield record


@dataclass(frozen=True)
class Dataset:
    name: str
    rows: Callable[[], Iterator[dict]]


DATASETS = {
    "acts": Dataset("acts", act_rows),
    "commission-documents": Dataset("commission-documents", commission_document_rows),
    "organizations": Dataset("organizations", organization_rows),
}


def _plain(value):
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


class _Echo:
    """A file-like object whose write returns the line, for csv.writer inside a generator."""

    def write(self, value):
        return value


def stream_csv(name: str) -> Iterator[str]:
    """The dataset as CSV lines: a header of the schema's columns, lists joined with «; »."""
    fields = columns(name)
    writer = csv.writer(_Echo())
    yield writer.writerow(fields)
    for row in DATASETS[name].rows():
        yield writer.writerow(
            "; ".join(value) if isinstance(value, list) else ("" if value is None else _plain(value))
            for value in (row[field] for field in fields)
        )


def stream_json(name: str, *, schema_url: str) -> Iterator[str]:
    """The dataset as one JSON document, written item by item."""
    fields = columns(name)
    yield json.dumps({"dataset": name, "schema": schema_url}, ensure_ascii=False)[:-1] + ', "items": ['
    separator = "\n"
    for row in DATASETS[name].rows():
        yield separator + json.dumps({field: _plain(row[field]) for field in fields}, ensure_ascii=False)
        separator = ",\n"
    yield "\n]}\n"
