"""Deputies and meetings in the API v2: listing, detail, filters, pagination; a bad value is a 400."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from council.kinds import MeetingKind, MeetingStatus
from tests.registry.factories import PartyOrganizationFactory

from .factories import AgendaItemFactory, ConvocationFactory, DeputyFactory, MeetingFactory, MembershipFactory

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


@pytest.fixture
def council(home_page, convocation, commission):
    green, blue = PartyOrganizationFactory(name="Зелена партія"), PartyOrganizationFactory(name="Синя партія")
    boiko = DeputyFactory(full_name="Бойко Олександр Миколайович", slug="boiko")
    MembershipFactory(
        deputy=boiko, convocation=convocation, faction=green, end_date=datetime.date(2024, 3, 9)
    )
    MembershipFactory(
        deputy=boiko, convocation=convocation, faction=blue, start_date=datetime.date(2024, 3, 10)
    )
    old = ConvocationFactory(
        number=7, start_date=datetime.date(2015, 11, 1), end_date=datetime.date(2020, 11, 30)
    )
    veteran = DeputyFactory(full_name="Старенко Петро Іванович", slug="starenko")
    MembershipFactory(deputy=veteran, convocation=old, faction=green, start_date=datetime.date(2015, 11, 1))
    session = MeetingFactory(
        convocation=convocation, number=41, starts_at=datetime.datetime(2024, 3, 5, 8, tzinfo=UTC)
    )
    AgendaItemFactory(meeting=session, number="1", title="Про бюджет")
    AgendaItemFactory(meeting=session, number="2", title="Про тарифи")
    executive = MeetingFactory(kind=MeetingKind.EXECUTIVE, convocation=None, status=MeetingStatus.ANNOUNCED)
    committee = MeetingFactory(kind=MeetingKind.COMMISSION, commission=commission, convocation=convocation)
    return {
        "boiko": boiko,
        "veteran": veteran,
        "session": session,
        "executive": executive,
        "committee": committee,
    }


def test_deputies_listing_names_each_deputy_with_the_current_faction(client, council):
    response = client.get("/api/v2/deputies/")
    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["total_count"] == 2
    boiko = next(item for item in data["items"] if item["id"] == council["boiko"].pk)
    assert boiko["full_name"] == "Бойко Олександр Миколайович" and boiko["faction"] == "Синя партія"
    assert boiko["meta"]["html_url"] == "http://localhost/deputaty/boiko/"
    assert boiko["meta"]["detail_url"] == f"http://localhost/api/v2/deputies/{council['boiko'].pk}/"


def test_deputy_detail_shows_the_history_of_factions(client, council):
    data = client.get(f"/api/v2/deputies/{council['boiko'].pk}/").json()
    assert [(t["faction"], t["start_date"], t["end_date"]) for t in data["terms"]] == [
        ("Синя партія", "2024-03-10", None),
        ("Зелена партія", "2020-12-01", "2024-03-09"),
    ]
    assert data["terms"][0]["convocation"] == 8 and data["status"] == "acting"


def test_deputies_filter_by_convocation_number(client, council):
    items = client.get("/api/v2/deputies/", {"convocation": "7"}).json()["items"]
    assert [item["id"] for item in items] == [council["veteran"].pk]
    assert client.get("/api/v2/deputies/", {"convocation": "8"}).json()["meta"]["total_count"] == 1


def test_meetings_filter_by_convocation_and_kind(client, council):
    plenary = client.get("/api/v2/meetings/", {"convocation": "8", "kind": "plenary"}).json()
    assert [item["id"] for item in plenary["items"]] == [council["session"].pk]
    assert plenary["items"][0]["convocation"] == 8 and plenary["items"][0]["number"] == 41
    executive = client.get("/api/v2/meetings/", {"kind": "executive"}).json()["items"]
    assert [item["id"] for item in executive] == [council["executive"].pk]
    assert client.get("/api/v2/meetings/", {"status": "announced"}).json()["meta"]["total_count"] == 1


def test_meeting_detail_lists_the_agenda_in_order(client, council):
    data = client.get(f"/api/v2/meetings/{council['session'].pk}/").json()
    assert [item["title"] for item in data["agenda"]] == ["Про бюджет", "Про тарифи"]
    assert data["starts_at"].startswith("2024-03-05") and data["kind"] == "plenary"
    committee = client.get(f"/api/v2/meetings/{council['committee'].pk}/").json()
    assert committee["commission"]["title"] == "Комісія з питань бюджету"


def test_listings_page_as_wagtail_does(client, council, settings):
    data = client.get("/api/v2/meetings/", {"limit": "1", "offset": "1"}).json()
    assert data["meta"]["total_count"] == 3 and len(data["items"]) == 1
    assert client.get("/api/v2/meetings/", {"limit": "1000"}).status_code == 400  # over WAGTAILAPI_LIMIT_MAX


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/api/v2/deputies/", {"convocation": "вісім"}),
        ("/api/v2/deputies/", {"convocation": "9" * 400}),
        ("/api/v2/deputies/", {"full_name": "Бойко"}),
        ("/api/v2/deputies/", {"search": "Бойко"}),
        ("/api/v2/deputies/", {"fields": "secret"}),
        ("/api/v2/deputies/", {"order": "faction"}),
        ("/api/v2/meetings/", {"kind": "party"}),
        ("/api/v2/meetings/", {"status": "x\x00"}),
        ("/api/v2/meetings/", {"offset": "-1"}),
    ],
)
def test_a_bad_parameter_is_a_400_naming_it(client, council, path, query):
    response = client.get(path, query)
    assert response.status_code == 400, response.content
    assert "message" in response.json()


def test_an_unknown_or_huge_id_is_a_404(client, council):
    assert client.get("/api/v2/meetings/999999/").status_code == 404
    assert client.get("/api/v2/deputies/" + "9" * 40 + "/").status_code == 404


@pytest.mark.parametrize("path", ["/api/v2/deputies/", "/api/v2/meetings/"])
def test_listing_queries_do_not_grow_with_the_rows(client, council, path, convocation):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return len(captured)

    few = queries()
    for _ in range(5):
        deputy = DeputyFactory()
        MembershipFactory(deputy=deputy, convocation=convocation)
        MeetingFactory(convocation=convocation)
    assert queries() == few
