"""The public pages: deputies by convocation and faction, a deputy's page; no parameter gives a 500."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from council.kinds import CommissionRole, DeputyStatus
from tests import factories as f
from tests.registry.factories import PartyOrganizationFactory

from .factories import CommissionMembershipFactory, ConvocationFactory, DeputyFactory, MembershipFactory

pytestmark = pytest.mark.django_db

LIST = "/deputaty/"


@pytest.fixture
def council(convocation):
    """Convocation 8 with two factions of one and two deputies, and an older convocation 7."""
    green, blue = PartyOrganizationFactory(name="Зелена партія"), PartyOrganizationFactory(name="Синя партія")
    boiko = DeputyFactory(full_name="Бойко Олександр Миколайович", slug="boiko")
    melnyk = DeputyFactory(full_name="Мельник Ірина Степанівна", slug="melnyk")
    zhuk = DeputyFactory(full_name="Жук Андрій Олексійович", slug="zhuk")
    MembershipFactory(deputy=boiko, convocation=convocation, faction=green)
    MembershipFactory(deputy=melnyk, convocation=convocation, faction=blue)
    MembershipFactory(deputy=zhuk, convocation=convocation, faction=blue)
    old = ConvocationFactory(
        number=7, start_date=datetime.date(2015, 11, 1), end_date=datetime.date(2020, 11, 30)
    )
    veteran = DeputyFactory(full_name="Старенко Петро Іванович", slug="starenko")
    MembershipFactory(deputy=veteran, convocation=old, faction=green, start_date=datetime.date(2015, 11, 1))
    return {"green": green, "blue": blue, "boiko": boiko, "melnyk": melnyk, "zhuk": zhuk, "old": old}


def text_of(response):
    assert response.status_code == 200
    return response.content.decode()


def test_the_list_shows_the_latest_convocation_by_default(client, council):
    html = text_of(client.get(LIST))
    assert "8 скликання" in html and "3 депутати" in html
    assert "Бойко Олександр Миколайович" in html and "Зелена партія" in html
    assert "Старенко" not in html
    assert reverse("council:deputy_detail", args=["boiko"]) in html


def test_the_list_filters_by_convocation_and_faction(client, council):
    assert "Старенко Петро Іванович" in text_of(client.get(LIST, {"convocation": "7"}))
    html = text_of(client.get(LIST, {"faction": council["blue"].pk}))
    assert "Мельник" in html and "Жук" in html and "Бойко" not in html and "2 депутати" in html


def test_the_list_costs_the_same_queries_for_3_and_13_deputies(client, council):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            text_of(client.get(LIST))
        return len(captured)

    queries()  # the first request of a test also reads the site and its settings
    small = queries()
    convocation = council["boiko"].memberships.get().convocation
    MembershipFactory.create_batch(10, convocation=convocation, faction=council["green"])
    assert queries() == small
    assert "13 депутатів" in text_of(client.get(LIST))


@pytest.mark.parametrize(
    "query",
    [
        {"convocation": "99"},
        {"convocation": "abc"},
        {"convocation": "-1"},
        {"convocation": "²"},
        {"convocation": "8\x00"},
        {"convocation": "9" * 40},
        {"faction": "999999"},
        {"faction": "' OR 1=1 --"},
        {"page": "0"},
        {"page": "99999999999999999999"},
        {"page": "x"},
    ],
)
def test_hostile_parameters_give_the_list_and_a_notice(client, council, query):
    html = text_of(client.get(LIST, query))
    assert 'class="notice"' in html and "Бойко Олександр Миколайович" in html


def test_a_faction_of_another_convocation_is_refused_with_a_notice(client, council):
    html = text_of(client.get(LIST, {"convocation": "7", "faction": council["blue"].pk}))
    assert 'class="notice"' in html and "Старенко" in html


def test_the_list_without_convocations_says_so(client, db):
    assert "Скликань ще не внесено" in text_of(client.get(LIST))


def test_the_deputy_page_shows_status_contacts_factions_and_commissions(client, council, commission):
    deputy = council["boiko"]
    deputy.phone, deputy.email = "+380 4631 7-12-10", "boiko@example.org"
    deputy.reception_hours = "Щопонеділка з 10:00"
    deputy.electoral_district = "Виборчий округ № 3"
    deputy.photo = f.ImageFactory()
    deputy.save()
    second = PartyOrganizationFactory(name="Нова партія")
    first = deputy.memberships.get()
    first.end_date = datetime.date(2023, 2, 28)
    first.save()
    MembershipFactory(
        deputy=deputy, convocation=first.convocation, faction=second, start_date=datetime.date(2023, 3, 1)
    )
    CommissionMembershipFactory(deputy=deputy, commission=commission, role=CommissionRole.CHAIR)
    html = text_of(client.get(reverse("council:deputy_detail", args=["boiko"])))
    assert "<h1>Бойко Олександр Миколайович</h1>" in html
    assert "чинний" in html and "boiko@example.org" in html and "Щопонеділка з 10:00" in html
    assert "Виборчий округ № 3" in html and "<img" in html
    assert html.index("Нова партія") < html.index("Зелена партія")  # latest first, history kept
    assert "Комісія з питань бюджету" in html and "голова" in html and commission.url in html


def test_an_ended_mandate_is_shown_with_its_date_and_reason(client, council):
    deputy = council["zhuk"]
    deputy.status, deputy.mandate_ended_on = DeputyStatus.ENDED, datetime.date(2024, 6, 3)
    deputy.mandate_end_reason = "Обраний на іншу посаду"
    deputy.save()
    html = text_of(client.get(reverse("council:deputy_detail", args=["zhuk"])))
    assert "повноваження припинено" in html and "3 червня 2024" in html and "Обраний на іншу посаду" in html


def test_an_unpublished_commission_is_not_linked(client, council, commission):
    CommissionMembershipFactory(deputy=council["boiko"], commission=commission)
    commission.unpublish()
    html = text_of(client.get(reverse("council:deputy_detail", args=["boiko"])))
    assert "Комісія з питань бюджету" not in html


@pytest.mark.parametrize("slug", ["nobody", "boiko-2"])
def test_an_unknown_deputy_is_a_404(client, council, slug):
    assert client.get(f"/deputaty/{slug}/").status_code == 404
