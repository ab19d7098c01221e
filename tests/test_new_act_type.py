"""A new act type, declared only in pages.models.kinds, works everywhere (issue 12, point 2).

The type is added to ``ActType`` for each test (``tests.support.choices.added_choice``) and has no
data of its own: every consumer must fall back to its label, never raise ``KeyError``, never drop it.
The monthly report (Markdown, HTML, DOCX), the deadline rules, the open-data exports and page, the
legacy importer and the search facets are each driven through their public entry points.
"""

import csv
import datetime
import io
import json

import jsonschema
import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.utils import translation
from docx import Document

from pages.models import ActIndexPage, ActPage, ActStage, ActType
from reports.deadlines import check_item
from reports.monthly import build_report
from reports.opendata import load_schema
from reports.render import to_docx, to_html, to_markdown
from tests import factories as f
from tests.support.choices import added_choice

pytestmark = pytest.mark.django_db

LABEL = "Міська цільова програма"
PHRASE = f"{LABEL}: 2"
NOVEMBER = datetime.date(2018, 11, 1)


@pytest.fixture
def programme():
    """``ActType.CITY_PROGRAMME``, declared for this test only, with no per-kind data."""
    with added_choice(ActType, name="CITY_PROGRAMME", value="city_programme", label=LABEL) as member:
        yield member


@pytest.fixture
def acts_index(home_page):
    return f.ActIndexPageFactory(parent=home_page)


@pytest.fixture
def programmes(programme, acts_index):
    """Two live acts of the new type and one council decision, published in November 2018."""
    day = datetime.date(2018, 11, 12)
    made = [
        f.ActPageFactory(
            parent=acts_index, act_type=programme, title=f"Програма розвитку бюджету {n}", date=day
        )
        for n in (1, 2)
    ]
    f.ActPageFactory(parent=acts_index, title="Про бюджет міста", date=day)
    return made


def test_a_kind_without_data_falls_back_to_its_label(programme):
    assert programme.chart_label == LABEL and programme.count_phrase(2) == PHRASE
    assert programme.data.slug_word == LABEL.lower() and programme.data.stage == ActStage.ADOPTED


def test_an_act_of_the_new_type_passes_the_models_validation(programme, acts_index):
    act = ActPage(title="Програма", slug="programa", act_type=programme, date=NOVEMBER)
    act.full_clean(exclude=["path", "depth"])  # the tree fields are set when it is added to the tree
    assert ("city_programme", LABEL) in ActPage._meta.get_field("act_type").choices


@pytest.fixture
def report(programmes):
    with translation.override("uk"):
        yield build_report(month=NOVEMBER)


def test_monthly_report_counts_the_new_type(report):
    assert report.acts["city_programme"] == 2 and report.documents_total == 3
    assert (LABEL, 2) in report.chart_data()


def test_monthly_report_markdown_names_the_new_type(report):
    assert f"  - {PHRASE}" in to_markdown(report).splitlines()


def test_monthly_report_html_names_the_new_type(report):
    items = [li.get_text(strip=True) for li in BeautifulSoup(to_html(report), "html.parser").select("li li")]
    assert PHRASE in items


def test_monthly_report_docx_names_the_new_type_and_charts_it(report):
    document = Document(io.BytesIO(to_docx(report)))
    assert PHRASE in [paragraph.text for paragraph in document.paragraphs]
    assert len(document.inline_shapes) == 1


def test_deadline_rules_judge_the_new_type_by_its_stage(programme):
    checks = check_item(
        {"act_type": programme, "live": True, "adopted_on": NOVEMBER, "date": datetime.date(2018, 11, 30)},
        today=datetime.date(2019, 1, 1),
    )
    assert [check.rule.code for check in checks] == ["adopted_act_published"]
    assert checks[0].status == "violated"


def test_open_data_json_exports_the_new_type_and_validates(client, programmes):
    response = client.get("/opendata/acts.json")
    document = json.loads(b"".join(response.streaming_content))
    jsonschema.Draft202012Validator(load_schema("acts")).validate(document)
    assert sorted(item["act_type"] for item in document["items"]) == [
        "city_programme",
        "city_programme",
        "council_decision",
    ]


def test_open_data_csv_exports_the_new_type(client, programmes):
    text = b"".join(client.get("/opendata/acts.csv").streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert [row["act_type"] for row in rows].count("city_programme") == 2


def test_open_data_schema_and_page_list_the_new_type(client, programme):
    schema = json.loads(client.get("/opendata/schemas/acts.schema.json").content)
    assert "city_programme" in schema["properties"]["items"]["items"]["properties"]["act_type"]["enum"]
    page = BeautifulSoup(client.get("/opendata/").content.decode(), "html.parser")
    assert f"city_programme — {LABEL}" in page.get_text(" ", strip=True)


def test_search_facet_counts_and_names_the_new_type(client, programmes):
    response = client.get("/search/", {"q": "бюджет"})
    [facet] = [facet for facet in response.context["facets"] if facet["name"] == "act_type"]
    values = {value["value"]: (value["label"], value["count"]) for value in facet["values"]}
    assert values["city_programme"] == (LABEL, 2)
    assert LABEL in response.content.decode()


def test_search_facet_filter_narrows_to_the_new_type(client, programmes):
    response = client.get("/search/", {"q": "бюджет", "act_type": "city_programme"})
    assert sorted(r["page"].pk for r in response.context["results"]) == sorted(p.pk for p in programmes)


def test_legacy_import_creates_an_act_of_the_new_type(programme, home_page, tmp_path):
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    item = {
        "legacy_id": "p1",
        "type": "act",
        "title": "Про програму розвитку",
        "published": "2018-11-12",
        "url": "/docs/p1",
        "act_type": "city_programme",
        "number": "7-50/2018",
        "issuer": "Ніжинська міська рада",
        "adopted_on": "12.11.2018",
        "status": "in_force",
    }
    (bundle / "items.jsonl").write_text(json.dumps(item, ensure_ascii=False) + "\n", encoding="utf-8")
    call_command("import_legacy", str(bundle), "--no-progress", stdout=io.StringIO(), stderr=io.StringIO())
    act = ActPage.objects.get(number="7-50/2018")
    assert act.act_type == "city_programme" and isinstance(act.get_parent().specific, ActIndexPage)
