"""/opendata/ as a citizen reads it: what each dataset is, size, last change, formats, columns, licence."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone, translation

from pages.models import ActPage, ActType
from registry.models import Organization, OrganizationKind
from reports.opendata import DATASETS

from .conftest import make_organization

pytestmark = pytest.mark.django_db


def page(client):
    return BeautifulSoup(client.get("/opendata/").content.decode(), "html.parser")


def dataset_section(soup, name):
    return soup.find("h2", id=f"dataset-{name}").find_parent("section")


def test_each_dataset_says_what_it_holds_in_ukrainian(client, db):
    soup = page(client)
    for name, dataset in DATASETS.items():
        with translation.override("uk"):
            description = str(dataset.description)
        assert description in dataset_section(soup, name).get_text(" ", strip=True)
    assert "Нормативні акти та проєкти рішень" in dataset_section(soup, "acts").h2.get_text()


def test_each_dataset_shows_its_number_of_records(client, published):
    section = dataset_section(page(client), "acts")
    facts = dict(
        zip(
            [dt.get_text(strip=True) for dt in section.select("dt")],
            [dd.get_text(" ", strip=True) for dd in section.select("dd")],
            strict=True,
        )
    )
    assert facts["Записів"] == str(ActPage.objects.live().count()) == "2"


def test_each_dataset_shows_its_last_change(client, published):
    moments = [datetime.datetime(2019, 3, 1, 9, 30, tzinfo=datetime.UTC), None]
    for act, moment in zip(ActPage.objects.live().order_by("pk"), moments, strict=True):
        ActPage.objects.filter(pk=act.pk).update(last_published_at=moment)
    time = dataset_section(page(client), "acts").find("time")
    assert time["datetime"] == timezone.localtime(moments[0]).isoformat()
    assert time.get_text() == "01.03.2019 11:30"  # Kyiv time


def test_each_dataset_links_its_csv_json_and_schema(client, db):
    soup = page(client)
    for name in DATASETS:
        hrefs = {a["href"] for a in dataset_section(soup, name).find_all("a")}
        for suffix in (
            f"/opendata/{name}.csv",
            f"/opendata/{name}.json",
            f"/opendata/schemas/{name}.schema.json",
        ):
            assert f"http://testserver{suffix}" in hrefs


def test_columns_are_explained_with_the_meaning_of_each_code(client, db):
    section = dataset_section(page(client), "acts")
    row = section.find("code", string="act_type").find_parent("tr")
    text = row.get_text(" ", strip=True)
    with translation.override("uk"):
        for member in ActType:
            assert f"{member.value} — {member.label}" in text


def test_organisations_columns_name_the_kinds_of_organisation(client, db):
    row = dataset_section(page(client), "organizations").find("code", string="kind").find_parent("tr")
    with translation.override("uk"):
        assert f"ngo — {OrganizationKind.NGO.label}" in row.get_text(" ", strip=True)


def test_page_states_the_licence_and_links_it(client, db):
    soup = page(client)
    licence = soup.find("a", rel="license")
    assert licence.get_text() == "CC BY 4.0" and licence["href"].startswith("https://creativecommons.org/")
    assert "Ліцензія" in licence.parent.get_text()


def test_column_tables_scroll_inside_their_own_box_and_addresses_may_wrap(client, db):
    soup = page(client)
    for table in soup.select(".opendata__dataset table"):
        assert "table-wrap" in table.parent["class"]
    stylesheet = soup.find("link", href=lambda href: href and href.endswith("reports/opendata.css"))
    css = b"".join(client.get(stylesheet["href"]).streaming_content).decode()
    assert "overflow-wrap: anywhere" in css and ".opendata__url" in css


def test_index_json_gives_programs_the_row_counts_and_last_change(client, published):
    make_organization(OrganizationKind.NGO, "2000003")
    index = client.get("/opendata/index.json").json()
    counts = {entry["name"]: entry["rows"] for entry in index["datasets"]}
    # Apps above reports register datasets of their own (discussion's): these are reports'.
    own = {"acts", "commission-documents", "organizations"}
    assert {name: n for name, n in counts.items() if name in own} == {
        "acts": 2,
        "commission-documents": 1,
        "organizations": 3,
    }
    updated = {entry["name"]: entry["updated"] for entry in index["datasets"]}
    organisation = Organization.objects.latest("updated_at").updated_at
    # The same moment, written in Kyiv's time as every moment of the open data.
    assert updated["organizations"] == timezone.localtime(organisation).isoformat()
    assert updated["acts"] is None  # factory pages were never published through Wagtail
    assert index["license"]["name"] == "CC BY 4.0"
