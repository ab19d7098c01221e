import datetime
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db
URL = "/admin/registry/analytics/"


def test_empty_month_means_the_current_local_one(keeper_client, registry_data, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: datetime.date(2026, 3, 29))
    html = keeper_client.get(URL).content.decode()
    assert "Бюджет участі" in html and "Квітнева зустріч" not in html


@pytest.mark.parametrize("value", ["2026-13", "2026-3", "березень", "26-03", "2026-00", "9999-12", "²⁰²⁶-03"])
def test_invalid_month_is_refused_with_a_clear_message(keeper_client, value):
    response = keeper_client.get(URL, {"month": value})
    assert response.status_code == 400
    assert f"Неправильний місяць «{value}»: вкажіть його у форматі РРРР-ММ між 1900 і 2100" in (
        response.content.decode()
    )


def test_a_month_with_a_nul_byte_is_refused(keeper_client):
    response = keeper_client.get(URL, {"month": "2026-03\x00"})
    assert response.status_code == 400
    assert "Параметр «month» містить керівні символи" in response.content.decode()


def test_an_unknown_export_format_is_refused(keeper_client):
    response = keeper_client.get(URL, {"month": "2026-03", "export_format": "exe"})
    assert response.status_code == 400
    assert "Невідоме значення «exe» параметра «export_format»" in response.content.decode()


def test_analytics_page_shows_the_month(keeper_client, registry_data):
    response = keeper_client.get(URL, {"month": "2026-03"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Бюджет участі" in html and "Генплан" in html and "Квітнева зустріч" not in html
    assert "МО «Більша»" in html and "МО «Без місць»" not in html


def test_analytics_page_explains_an_invalid_month(keeper_client):
    response = keeper_client.get(URL, {"month": "2026-13"})
    assert response.status_code == 400
    assert "Неправильний місяць «2026-13»" in response.content.decode()


def test_analytics_exports_xlsx_with_a_sheet_per_table(keeper_client, registry_data):
    response = keeper_client.get(URL, {"month": "2026-03", "export_format": "xlsx"})
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == [
        "За типом",
        "За формою",
        "За напрямом діяльності",
        "Місця в раді",
        "Взаємодії 03.2026",
    ]
    assert response["Content-Disposition"] == 'attachment; filename="analityka-reiestriv-2026-03.xlsx"'
    seats = workbook[workbook.sheetnames[3]]
    assert [c.value for c in seats[2]] == ["МО «Більша»", "Партія А", "Фракція А", 12]
    interactions = workbook[workbook.sheetnames[4]]
    assert interactions.max_row == 3  # header and two March interactions


def test_analytics_exports_csv(keeper_client, registry_data):
    response = keeper_client.get(URL, {"month": "2026-03", "export_format": "csv"})
    text = response.content.decode("utf-8-sig")
    assert "02.03.2026" in text and "Бюджет участі" in text and "01.04.2026" not in text
    assert "Молодь,2" in text


def test_analytics_export_with_invalid_month_is_400(keeper_client):
    response = keeper_client.get(URL, {"month": "x", "export_format": "csv"})
    assert response.status_code == 400 and "РРРР-ММ" in response.content.decode()
