import datetime
import io

import pytest
from openpyxl import load_workbook

from registry.models import NGO, InteractionKind, Organization, PartyOrganization, RegistrationStatus
from registry.selectors import InvalidMonth, parse_month, registry_analytics

from .factories import (
    FieldOfActivityFactory,
    InteractionFactory,
    OrganizationFactory,
    PartyOrganizationFactory,
)

pytestmark = pytest.mark.django_db
URL = "/admin/registry/analytics/"


@pytest.fixture
def registry_data():
    youth, culture = FieldOfActivityFactory(name="Молодь"), FieldOfActivityFactory(name="Культура")
    active = OrganizationFactory(name="ГО «Активна»")
    active.fields_of_activity.set([youth, culture])
    OrganizationFactory(name="ГО «Молода»").fields_of_activity.set([youth])
    OrganizationFactory(name="ГО «Закрита»", status=RegistrationStatus.TERMINATED).fields_of_activity.set(
        [youth]
    )
    big = PartyOrganizationFactory(name="МО «Більша»", party="Партія А", faction="Фракція А", seats=12)
    PartyOrganizationFactory(name="МО «Менша»", party="Партія Б", seats=4)
    PartyOrganizationFactory(name="МО «Без місць»", seats=None)
    InteractionFactory(date=datetime.date(2026, 3, 2), topic="Бюджет участі", organizations=[active, big])
    InteractionFactory(date=datetime.date(2026, 3, 31), kind=InteractionKind.PUBLIC_HEARING, topic="Генплан")
    InteractionFactory(date=datetime.date(2026, 4, 1), topic="Квітнева зустріч")


def test_analytics_counts_active_organisations_by_type_and_field(registry_data):
    analytics = registry_analytics(month=datetime.date(2026, 3, 1))
    assert dict(analytics.active_by_kind) == {"Громадське об'єднання": 2, "Місцева партійна організація": 3}
    assert dict(analytics.active_by_field) == {"Молодь": 2, "Культура": 1}


def test_analytics_lists_parties_with_seats_largest_first(registry_data):
    analytics = registry_analytics(month=datetime.date(2026, 3, 1))
    assert [p.name for p in analytics.parties_with_seats] == ["МО «Більша»", "МО «Менша»"]
    assert analytics.total_seats == 16


def test_analytics_takes_the_interactions_of_the_chosen_month_only(registry_data):
    analytics = registry_analytics(month=datetime.date(2026, 3, 1))
    assert [i.topic for i in analytics.interactions] == ["Бюджет участі", "Генплан"]
    assert dict(analytics.interactions_by_kind)["Громадські слухання"] == 1


@pytest.mark.parametrize("value", ["2026-13", "2026-3", "березень", "26-03", "2026-00"])
def test_invalid_month_is_refused_with_a_clear_message(value):
    with pytest.raises(InvalidMonth, match="РРРР-ММ"):
        parse_month(value)


def test_empty_month_means_the_current_one():
    assert parse_month("", today=datetime.date(2026, 11, 29)) == datetime.date(2026, 11, 1)


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
    assert len(workbook.sheetnames) == 5
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


def test_proxies_hold_only_their_kind(registry_data):
    assert set(NGO.objects.values_list("name", flat=True)) == {"ГО «Активна»", "ГО «Молода»", "ГО «Закрита»"}
    assert PartyOrganization.objects.count() == 3
    assert Organization.objects.count() == 6


def test_status_labels_are_the_register_terms():
    assert [label for _, label in RegistrationStatus.choices] == [
        "зареєстровано",
        "в стані припинення",
        "припинено",
    ]
