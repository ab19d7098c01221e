"""The site's open data, feeds, sitemap and API as programs and spreadsheets meet them, with awkward data.

Titles with quotes, line breaks and emoji; drafts, private pages and private sections; moments in summer and
winter; datasets with no rows. Every CSV reads back to the rows of its JSON; feeds and the sitemap are
well-formed XML with Kyiv's offsets; nothing behind a login leaks.
"""

import csv
import datetime
import io
import json

import feedparser
import jsonschema
import openpyxl
import pytest
from lxml import etree
from wagtail.models import Page, PageViewRestriction

from pages.models import ActIndexPage, ActStatus, ActType
from reports.opendata import DATASETS, columns, load_schema
from tests import factories as f
from tests.council.factories import MeetingFactory

pytestmark = pytest.mark.django_db

AWKWARD = 'Про «бюджет» "2026" 🎉, з комою;\nі другим рядком\r\nі третім'


def body(response) -> bytes:
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(client, name) -> list[dict]:
    raw = body(client.get(f"/opendata/{name}.csv"))
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def json_items(client, name) -> list[dict]:
    document = json.loads(body(client.get(f"/opendata/{name}.json")))
    jsonschema.Draft202012Validator(load_schema(name), format_checker=jsonschema.FormatChecker()).validate(
        document
    )
    return document["items"]


def xlsx_rows(client, name) -> list[dict]:
    """The workbook's rows as the CSV reader gives them: every value as text, absent ones empty."""
    response = client.get(f"/opendata/{name}.xlsx")
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"] == f'attachment; filename="{name}.xlsx"'
    [sheet] = openpyxl.load_workbook(io.BytesIO(body(response)), read_only=True).worksheets
    header, *rows = sheet.iter_rows(values_only=True)
    assert list(header) == columns(name)
    return [
        {column: "" if value is None else str(value) for column, value in zip(header, row, strict=True)}
        for row in rows
    ]


def as_csv(name, item: dict) -> dict:
    """A JSON item as the CSV writes it: absent values empty, lists joined with «; », numbers as text."""
    row = {}
    for column in columns(name):
        value = item[column]
        if value is None:
            row[column] = ""
        elif isinstance(value, list):
            row[column] = "; ".join(value)
        else:
            row[column] = str(value)
    return row


def restrict(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


@pytest.fixture
def awkward(home_page):
    """Public, draft, private and private-section pages, some with awkward titles."""
    acts = f.ActIndexPageFactory(parent=home_page)
    f.ActPageFactory(parent=acts, title=AWKWARD, summary=AWKWARD)
    f.ActPageFactory(
        parent=acts,
        title="Проєкт 👍",
        act_type=ActType.DRAFT_DECISION,
        status=ActStatus.DRAFT,
        adopted_on=None,
        discussion_until=datetime.date(2099, 1, 1),
    )
    f.ActPageFactory(
        parent=acts,
        title=AWKWARD,
        act_type=ActType.DRAFT_DECISION,
        status=ActStatus.DRAFT,
        adopted_on=None,
        discussion_until=datetime.date(2020, 1, 1),
    )
    f.ActPageFactory(parent=acts, title="Чернетка акта", live=False)
    restrict(f.ActPageFactory(parent=acts, title="Закритий акт"))

    news = f.NewsIndexPageFactory(parent=home_page, slug="novyny")
    f.NewsPageFactory(parent=news, title=AWKWARD, lead=AWKWARD + " ]]> <b>", date=datetime.date(2026, 7, 1))
    f.NewsPageFactory(parent=news, title="Зимова новина", date=datetime.date(2026, 1, 15))
    f.NewsPageFactory(parent=news, title="Чернетка новини", live=False)
    restrict(f.NewsPageFactory(parent=news, title="Закрита новина", lead="Таємниця."))

    hidden = f.NewsIndexPageFactory(parent=home_page, slug="zakryti-novyny", title="Закриті новини")
    restrict(hidden)
    f.NewsPageFactory(parent=hidden, title="Новина закритого розділу")
    return {"news": news, "hidden": hidden}


PRIVATE = ("Чернетка", "Закрит", "закритого")


def assert_nothing_private(text: str):
    for word in PRIVATE:
        assert word not in text


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_every_csv_opens_with_one_byte_order_mark_and_the_schema_header(client, awkward, name):
    raw = body(client.get(f"/opendata/{name}.csv"))
    assert raw.startswith(b"\xef\xbb\xbf") and not raw[3:].startswith(b"\xef\xbb\xbf")
    header = next(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert header == columns(name)


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_every_dataset_with_no_rows_is_a_header_and_an_empty_list(client, db, name):
    raw = body(client.get(f"/opendata/{name}.csv")).decode("utf-8-sig")
    assert raw == ",".join(columns(name)) + "\r\n"
    assert json_items(client, name) == []
    assert xlsx_rows(client, name) == []


@pytest.mark.parametrize("name", ["acts", "discussion-summaries"])
def test_csv_reads_back_to_the_json_rows_with_awkward_titles(client, awkward, name):
    items = json_items(client, name)
    assert items and [as_csv(name, item) for item in items] == csv_rows(client, name)
    assert_nothing_private(json.dumps(items, ensure_ascii=False))


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_every_xlsx_holds_the_csv_rows(client, awkward, name):
    """The workbook for Excel with Ukrainian settings (which splits a CSV on «;») has the CSV's table."""
    assert xlsx_rows(client, name) == csv_rows(client, name)


def test_xlsx_of_acts_has_the_awkward_rows_and_drops_control_characters(client, awkward):
    f.ActPageFactory(parent=ActIndexPage.objects.get(), title="Рішення\x0bпро бюджет\x1f")
    titles = {row["title"] for row in xlsx_rows(client, "acts")}
    assert "Рішенняпро бюджет" in titles
    assert AWKWARD in titles
    assert_nothing_private(" ".join(titles))


def test_awkward_title_survives_both_formats_exactly(client, awkward):
    [item] = [item for item in json_items(client, "acts") if item["act_type"] == ActType.COUNCIL_DECISION]
    assert item["title"] == item["summary"] == AWKWARD
    [row] = [row for row in csv_rows(client, "acts") if row["act_type"] == ActType.COUNCIL_DECISION]
    assert row["title"] == row["summary"] == AWKWARD


def feed_entries(client, url, version):
    response = client.get(url)
    assert response.status_code == 200
    etree.fromstring(response.content)  # well-formed XML, or this raises
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == version
    return response.content.decode(), feed.entries


@pytest.mark.parametrize(("route", "version"), [("rss/", "rss20"), ("atom/", "atom10")])
def test_feeds_list_public_news_only_in_well_formed_xml(client, awkward, route, version):
    text, entries = feed_entries(client, awkward["news"].url + route, version)
    # XML reads a line break as «\n», however it was written.
    assert sorted(entry.title for entry in entries) == ["Зимова новина", AWKWARD.replace("\r\n", "\n")]
    assert_nothing_private(text)


def test_rss_dates_carry_kyivs_offset_in_summer_and_winter(client, awkward):
    _, entries = feed_entries(client, awkward["news"].url + "rss/", "rss20")
    dates = {entry.title: entry.published for entry in entries}
    assert dates["Зимова новина"] == "Thu, 15 Jan 2026 09:00:00 +0200"
    assert [date for title, date in dates.items() if "бюджет" in title] == ["Wed, 01 Jul 2026 09:00:00 +0300"]


def test_a_private_sections_feed_asks_for_a_login(client, awkward):
    for route in ("rss/", "atom/"):
        response = client.get(awkward["hidden"].url + route)
        assert response.status_code == 302 and "/login" in response["Location"]


def test_sitemap_is_well_formed_and_lists_no_private_or_draft_page(client, awkward):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    etree.fromstring(response.content)
    assert_nothing_private(response.content.decode())
    assert "/novyny/" in response.content.decode()


def test_api_pages_lists_no_private_or_draft_page_and_refuses_them_by_id(client, awkward):
    listing = client.get("/api/v2/pages/", {"limit": 50, "fields": "title"}).json()
    assert_nothing_private(json.dumps(listing, ensure_ascii=False))
    for page in Page.objects.filter(title__regex="Чернетка|Закрит|закритого"):
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
    searched = client.get("/api/v2/pages/", {"search": "новина"}).json()
    assert_nothing_private(json.dumps(searched, ensure_ascii=False))


def test_open_data_index_dates_are_iso_in_kyivs_time(client, awkward):
    """``updated`` is ISO 8601 with Kyiv's offset, like every moment in the exports."""
    moments = [entry["updated"] for entry in client.get("/opendata/index.json").json()["datasets"]]
    assert any(moments)
    for moment in filter(None, moments):
        assert moment.endswith(("+02:00", "+03:00")), moment


def test_moments_are_written_in_kyivs_time_in_csv_and_json(client, db):
    """A session at 10:00 in Kyiv reads 10:00 in a spreadsheet, not the database's 07:00 UTC."""
    MeetingFactory(starts_at=datetime.datetime(2026, 7, 1, 7, 0, tzinfo=datetime.UTC))
    MeetingFactory(starts_at=datetime.datetime(2026, 1, 15, 8, 0, tzinfo=datetime.UTC))
    assert [item["starts_at"] for item in json_items(client, "sessions")] == [
        "2026-07-01T10:00:00+03:00",
        "2026-01-15T10:00:00+02:00",
    ]
    assert [row["starts_at"] for row in csv_rows(client, "sessions")] == [
        "2026-07-01T10:00:00+03:00",
        "2026-01-15T10:00:00+02:00",
    ]
