"""The iCalendar feed of meetings: RFC 5545 escaping and folding, read back by a strict little parser."""

import datetime

import pytest
from django.utils import timezone

from council import ical

from .factories import AgendaItemFactory, MeetingFactory

FEED = "/zasidannia/calendar.ics"


def unfold(text: str) -> list[str]:
    """The content lines of ``text``: every physical line ends with CRLF and is at most 75 octets."""
    assert text.endswith("\r\n")
    physical = text[:-2].split("\r\n")
    assert all(len(line.encode("utf-8")) <= 75 for line in physical), max(physical, key=len)
    assert not any("\n" in line or "\r" in line for line in physical)
    lines = []
    for line in physical:
        if line.startswith(" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    return lines


def unescape(value: str) -> str:
    out, chars = [], iter(value)
    for char in chars:
        if char == "\\":
            following = next(chars)
            out.append("\n" if following in "nN" else following)
        else:
            assert char not in ";,", f"unescaped {char!r} in {value!r}"
            out.append(char)
    return "".join(out)


def events(text: str) -> list[dict]:
    """The VEVENTs of a calendar as {property: value}, values unescaped (TEXT) or raw (URL)."""
    found, current = [], None
    lines = unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR" and "VERSION:2.0" in lines
    for line in lines:
        name, _colon, value = line.partition(":")
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            found.append(current)
            current = None
        elif current is not None:
            current[name] = value if name in {"URL", "DTSTART", "DTSTAMP"} else unescape(value)
    return found


def test_text_is_escaped_and_long_lines_are_folded_between_characters():
    tricky = "Сесія; перше, друге\\третє\nрядок " + "ї" * 80
    text = ical.calendar(
        [
            ical.Event(
                uid="meeting-1@example.org",
                starts_at=datetime.datetime(2024, 3, 1, 8, tzinfo=datetime.UTC),
                summary=tricky,
            )
        ],
        name="Календар",
        prodid="-//test//UK",
        stamp=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC),
    )
    [event] = events(text)
    assert event["SUMMARY"] == tricky
    assert event["DTSTART"] == "20240301T080000Z" and event["UID"] == "meeting-1@example.org"


def test_fold_never_splits_a_character():
    for width in range(1, 4):
        line = "SUMMARY:" + "є" * width * 50 + "x"
        assert "".join(piece.lstrip(" ") for piece in ical.fold(line).split("\r\n")) == line


@pytest.mark.django_db
def test_the_feed_holds_recent_and_coming_meetings_with_their_agendas(client, convocation):
    now = timezone.now().replace(microsecond=0)
    coming = MeetingFactory(
        convocation=convocation,
        number=61,
        status="announced",
        starts_at=now + datetime.timedelta(days=12),
        place="Сесійна зала, вул. Гоголя, 15",
    )
    AgendaItemFactory(meeting=coming, number="1", title="Про бюджет; зміни, доповнення")
    moved = MeetingFactory(
        convocation=convocation,
        number=60,
        status="postponed",
        starts_at=now - datetime.timedelta(days=2),
        postponed_to=now + datetime.timedelta(days=5),
    )
    MeetingFactory(convocation=convocation, number=59, starts_at=now - datetime.timedelta(days=30))
    MeetingFactory(convocation=convocation, number=50, starts_at=now - datetime.timedelta(days=91))
    MeetingFactory(
        convocation=convocation, number=58, status="postponed", starts_at=now + datetime.timedelta(days=3)
    )
    response = client.get(FEED)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    found = {event["SUMMARY"]: event for event in events(response.content.decode())}
    assert set(found) == {
        "Сесія міської ради № 58 (перенесено)",
        "Сесія міської ради № 59",
        "Сесія міської ради № 60 (перенесено)",
        "Сесія міської ради № 61",
    }
    # Postponed with no new date: off at its date; with one: on at the new date.
    assert found["Сесія міської ради № 58 (перенесено)"]["STATUS"] == "CANCELLED"
    assert found["Сесія міської ради № 60 (перенесено)"]["STATUS"] == "CONFIRMED"
    event = found["Сесія міської ради № 61"]
    assert event["LOCATION"] == "Сесійна зала, вул. Гоголя, 15"
    assert event["DESCRIPTION"] == "1. Про бюджет; зміни, доповнення"
    assert event["URL"] == f"http://testserver/zasidannia/{coming.pk}/"
    assert event["UID"] == f"meeting-{coming.pk}@testserver"
    assert event["DTSTART"] == coming.starts_at.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    assert found["Сесія міської ради № 60 (перенесено)"]["DTSTART"] == moved.postponed_to.astimezone(
        datetime.UTC
    ).strftime("%Y%m%dT%H%M%SZ")


@pytest.mark.django_db
def test_the_meetings_page_links_the_feed(client):
    html = client.get("/zasidannia/").content.decode()
    assert f'href="{FEED}"' in html and 'type="text/calendar"' in html
