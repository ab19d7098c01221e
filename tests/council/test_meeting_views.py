"""The public meeting pages: the calendar and archive, a meeting with its agenda and votes."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import factories as f
from tests.test_hostile_parameters import SPECIAL, VALUES, answer

from .factories import AgendaItemFactory, MeetingFactory, VoteFactory

pytestmark = pytest.mark.django_db

LIST = "/zasidannia/"


def text_of(response):
    assert response.status_code == 200
    return response.content.decode()


def days(n, hour=10):
    moment = timezone.localtime() + datetime.timedelta(days=n)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


def test_the_calendar_lists_announced_and_postponed_meetings_soonest_first(client, convocation):
    MeetingFactory(convocation=convocation, number=61, status="announced", starts_at=days(20))
    MeetingFactory(
        convocation=convocation, number=60, status="postponed", starts_at=days(-3), postponed_to=days(10)
    )
    MeetingFactory(convocation=convocation, number=59, status="held", starts_at=days(-30))
    html = text_of(client.get(LIST))
    coming, archive = html.split('id="archive-heading"')
    assert coming.index("№ 60") < coming.index("№ 61") and "№ 59" not in coming
    assert "перенесено" in coming
    assert "№ 59" in archive and "№ 61" not in archive


def test_the_archive_is_filtered_by_kind_and_year(client, convocation):
    MeetingFactory(
        convocation=convocation, number=40, starts_at=datetime.datetime(2023, 3, 2, 8, tzinfo=datetime.UTC)
    )
    MeetingFactory(
        convocation=None,
        kind="executive",
        number=12,
        starts_at=datetime.datetime(2024, 5, 2, 8, tzinfo=datetime.UTC),
    )
    html = text_of(client.get(LIST, {"year": "2023"}))
    assert "№ 40" in html and "№ 12" not in html
    html = text_of(client.get(LIST, {"kind": "executive"}))
    assert "№ 12" in html and "№ 40" not in html
    assert '<option value="2024">2024</option>' in html


@pytest.mark.parametrize(
    ("params", "notice"),
    [
        ({"kind": "banquet"}, "Невідоме значення"),
        ({"year": "20x4"}, "не є роком"),
        ({"year": "1999"}, "У 1999 році засідань не було"),
        ({"kind": "plenary\x00"}, "керівні символи"),
        ({"page": "99"}, "Сторінки 99 немає"),
    ],
)
def test_a_bad_parameter_gives_a_notice_not_an_error(client, convocation, params, notice):
    MeetingFactory(convocation=convocation, number=40)
    html = text_of(client.get(LIST, params))
    assert notice in html and "№ 40" in html


@pytest.fixture
def acts(home_page):
    index = f.ActIndexPageFactory(parent=home_page)
    return {
        "draft": f.ActPageFactory(parent=index, title="Проєкт бюджету громади", number="ПР-1/2024"),
        "decision": f.ActPageFactory(parent=index, title="Про бюджет громади", number="5-40/2024"),
    }


def test_the_meeting_page_shows_the_agenda_with_acts_votes_protocol_and_video(
    client, convocation, acts, home_page
):
    video = f.VideoPageFactory(parent=f.VideoIndexPageFactory(parent=home_page), title="Сесія наживо")
    protocol = f.DocumentFactory(title="Протокол 40 сесії")
    meeting = MeetingFactory(
        convocation=convocation,
        number=40,
        starts_at=datetime.datetime(2024, 3, 14, 8, tzinfo=datetime.UTC),
        place="Сесійна зала",
        protocol=protocol,
        video=video,
    )
    first = AgendaItemFactory(meeting=meeting, number="1", title="Про бюджет громади", **acts)
    AgendaItemFactory(meeting=meeting, number="2", title="Про програму спорту")
    VoteFactory(agenda_item=first, position=1, question="basis", for_count=25, against_count=3, adopted=True)
    VoteFactory(
        agenda_item=first, position=2, question="whole", for_count=12, abstained_count=4, adopted=False
    )
    VoteFactory(agenda_item=first, position=3, question="amendment", for_count=9, adopted=False, quorum=False)
    html = text_of(client.get(reverse("council:meeting_detail", args=[meeting.pk])))
    assert html.count(">не прийнято (немає кворуму)<") == 1
    assert "Сесія міської ради № 40" in html and "8 скликання" in html and "Сесійна зала" in html
    assert html.index("Про бюджет громади") < html.index("Про програму спорту")
    assert f'href="{acts["draft"].url}"' in html and f'href="{acts["decision"].url}"' in html
    assert "За основу" in html and "В цілому" in html
    assert "<td>25</td><td>3</td><td>0</td>" in html and "<td>12</td><td>0</td><td>4</td>" in html
    assert html.count(">не прийнято<") == 1 and html.count(">прийнято<") == 1 and "Утрималися" in html
    assert f'href="{protocol.url}"' in html and f'href="{video.url}"' in html
    assert '<time datetime="2024-03-14T10:00+02:00">14 березня 2024, 10:00</time>' in html
    assert 'class="table-wrap"' in html


def test_a_postponed_meeting_shows_its_new_date(client, convocation):
    meeting = MeetingFactory(
        convocation=convocation,
        status="postponed",
        starts_at=datetime.datetime(2024, 3, 1, 8, tzinfo=datetime.UTC),
        postponed_to=datetime.datetime(2024, 3, 15, 8, tzinfo=datetime.UTC),
    )
    html = text_of(client.get(reverse("council:meeting_detail", args=[meeting.pk])))
    assert "перенесено" in html.lower() and escape("15 березня 2024") in html


def test_an_unknown_meeting_is_not_found(client, db):
    assert client.get("/zasidannia/999999/").status_code == 404


def test_the_footer_links_to_the_meetings(client, home_page):
    assert f'href="{LIST}"' in text_of(client.get(home_page.url))


def count_queries(client, url):
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def add_meetings(convocation, acts, count):
    for n in range(count):
        for status, when in (("held", days(-40 - n)), ("announced", days(5 + n))):
            meeting = MeetingFactory(convocation=convocation, status=status, starts_at=when)
            for _ in range(2):
                AgendaItemFactory(meeting=meeting, **acts)


def test_the_list_runs_the_same_queries_at_two_sizes(client, convocation, acts):
    add_meetings(convocation, acts, 2)
    small = count_queries(client, LIST)
    add_meetings(convocation, acts, 8)
    assert count_queries(client, LIST) == small


def test_the_meeting_page_runs_the_same_queries_at_two_sizes(client, convocation, acts, home_page):
    meeting = MeetingFactory(convocation=convocation)

    def add_items(count):
        for _ in range(count):
            item = AgendaItemFactory(meeting=meeting, **acts)
            for position in (1, 2):
                VoteFactory(agenda_item=item, position=position)

    add_items(1)
    url = reverse("council:meeting_detail", args=[meeting.pk])
    small = count_queries(client, url)
    add_items(9)
    assert count_queries(client, url) == small


@pytest.mark.parametrize("path", [LIST, "/zasidannia/calendar.ics"])
def test_no_parameter_value_gives_a_server_error(client, convocation, path):
    MeetingFactory(convocation=convocation, number=40)

    @settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(query=st.dictionaries(st.sampled_from(["kind", "year", "page"]), VALUES, min_size=1, max_size=3))
    def check(query):
        assert answer(client, path, query).status_code == 200, query

    check()
    for value in SPECIAL:
        for name in ("kind", "year", "page"):
            assert answer(client, path, {name: value}).status_code == 200, (name, value)


def test_the_agenda_numbers_items_once_and_names_links_plainly(client, convocation, acts):
    meeting = MeetingFactory(convocation=convocation)
    AgendaItemFactory(meeting=meeting, number="1", title="Про бюджет громади", **acts)
    AgendaItemFactory(meeting=meeting, number="1.1", title="Про зміни до бюджету")
    html = text_of(client.get(reverse("council:meeting_detail", args=[meeting.pk])))
    assert "1.</span> Про бюджет" not in html and "1.1.</span> Про зміни" in html
    assert "Рішення: <a" in html and "Проєкт рішення: <a" in html
