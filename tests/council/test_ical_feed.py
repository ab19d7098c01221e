"""The meetings feed read by the ``icalendar`` package, as calendar applications read it: long Cyrillic
text, a meeting over the change to summer time, a meeting without an end, postponed meetings."""

import datetime
import zoneinfo

import icalendar
import pytest
from django.utils import timezone

from .factories import AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db

FEED = "/zasidannia/calendar.ics"
KYIV = zoneinfo.ZoneInfo("Europe/Kyiv")
PLACE = (
    "Велика зала засідань виконавчого комітету Ніжинської міської ради, площа імені Івана Франка, 1; "
    "2-й поверх, кабінет «Б» \\ 201"
)
QUESTION = (
    "Про внесення змін до рішення Ніжинської міської ради «Про бюджет Ніжинської міської "
    "територіальної громади на 2027 рік»; зміни, доповнення"
)


def feed(client) -> tuple[bytes, dict[str, icalendar.Event]]:
    body = client.get(FEED).content
    events = icalendar.Calendar.from_ical(body).walk("VEVENT")
    return body, {str(event["SUMMARY"]): event for event in events}


def test_the_feed_reads_back_with_icalendar(client, convocation):
    now = timezone.now().replace(microsecond=0)
    coming = MeetingFactory(
        convocation=convocation,
        number=70,
        status="announced",
        starts_at=now + datetime.timedelta(days=3),
        place=PLACE,
    )
    AgendaItemFactory(meeting=coming, number="1", title=QUESTION)
    AgendaItemFactory(meeting=coming, number="2", title="Про об’єкти комунальної власності")
    # Summer time begins in Kyiv at 03:00 on 28.03.2027: 10:00 that day is 07:00 UTC, the day before 08:00.
    MeetingFactory(
        convocation=convocation,
        number=71,
        status="announced",
        starts_at=datetime.datetime(2027, 3, 28, 10, 0, tzinfo=KYIV),
    )
    MeetingFactory(
        convocation=convocation,
        number=72,
        status="announced",
        starts_at=datetime.datetime(2027, 3, 27, 10, 0, tzinfo=KYIV),
    )
    off = MeetingFactory(
        convocation=convocation, number=73, status="postponed", starts_at=now + datetime.timedelta(days=1)
    )
    body, found = feed(client)
    assert b"\n" not in body.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in body.split(b"\r\n"))
    event = found["Сесія міської ради № 70"]
    assert str(event["LOCATION"]) == PLACE
    assert str(event["DESCRIPTION"]) == f"1. {QUESTION}\n2. Про об’єкти комунальної власності"
    assert event.decoded("DTSTART") == coming.starts_at
    assert "DTEND" not in event and "DURATION" not in event  # no end: an event at a moment (RFC 5545, 3.6.1)
    assert event.decoded("DTSTAMP").tzinfo is not None
    assert found["Сесія міської ради № 71"].decoded("DTSTART") == datetime.datetime(
        2027, 3, 28, 7, 0, tzinfo=datetime.UTC
    )
    assert found["Сесія міської ради № 72"].decoded("DTSTART") == datetime.datetime(
        2027, 3, 27, 8, 0, tzinfo=datetime.UTC
    )
    cancelled = found["Сесія міської ради № 73 (перенесено)"]
    assert (str(cancelled["STATUS"]), cancelled.decoded("DTSTART")) == ("CANCELLED", off.starts_at)
    _body, again = feed(client)
    assert {str(e["UID"]) for e in again.values()} == {str(e["UID"]) for e in found.values()}


def test_a_postponed_meeting_given_its_new_date_is_on_again(client, convocation):
    now = timezone.now().replace(microsecond=0)
    meeting = MeetingFactory(
        convocation=convocation, number=74, status="postponed", starts_at=now + datetime.timedelta(days=1)
    )
    assert str(feed(client)[1]["Сесія міської ради № 74 (перенесено)"]["STATUS"]) == "CANCELLED"
    meeting.postponed_to = now + datetime.timedelta(days=8)
    meeting.save()
    event = feed(client)[1]["Сесія міської ради № 74 (перенесено)"]
    assert (str(event["STATUS"]), event.decoded("DTSTART")) == ("CONFIRMED", meeting.postponed_to)
    assert str(event["UID"]) == f"meeting-{meeting.pk}@testserver"
