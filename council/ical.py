"""A minimal iCalendar (RFC 5545) writer: a VCALENDAR of VEVENTs, text escaped, lines folded.

Written here rather than taken from the ``icalendar`` package, which is not among the project's
dependencies: the feed needs only events with text, UTC date-times and URLs. What RFC 5545 asks and
this module does: CRLF line ends (3.1); lines longer than 75 octets folded with CRLF and a space,
never inside a UTF-8 character (3.1); TEXT values with backslash, semicolon, comma and newline
escaped (3.3.11); date-times in UTC with the «Z» suffix (3.3.5); UID and DTSTAMP in every VEVENT (3.6.1).
"""

import dataclasses
import datetime

MAX_OCTETS = 75


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545, 3.3.11): backslash, semicolon, comma and line breaks escaped."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def utc(value: datetime.datetime) -> str:
    """A DATE-TIME in UTC (form #2 of RFC 5545, 3.3.5)."""
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def fold(line: str) -> str:
    """``line`` cut into pieces of at most 75 octets, continuation lines starting with a space."""
    pieces, current, size = [], [], 0
    for char in line:
        octets = len(char.encode("utf-8"))
        # A continuation line spends one octet on its leading space.
        limit = MAX_OCTETS if not pieces else MAX_OCTETS - 1
        if size + octets > limit:
            pieces.append("".join(current))
            current, size = [], 0
        current.append(char)
        size += octets
    pieces.append("".join(current))
    return "\r\n ".join(pieces)


@dataclasses.dataclass(frozen=True)
class Event:
    uid: str
    starts_at: datetime.datetime
    summary: str
    status: str = "CONFIRMED"
    location: str = ""
    description: str = ""
    url: str = ""


def event_lines(event: Event, *, stamp: datetime.datetime) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape_text(event.uid)}",
        f"DTSTAMP:{utc(stamp)}",
        f"DTSTART:{utc(event.starts_at)}",
        f"SUMMARY:{escape_text(event.summary)}",
        f"STATUS:{event.status}",
    ]
    if event.location:
        lines.append(f"LOCATION:{escape_text(event.location)}")
    if event.description:
        lines.append(f"DESCRIPTION:{escape_text(event.description)}")
    if event.url:
        # A URI value is not TEXT: it is written as it is (RFC 5545, 3.3.13).
        lines.append(f"URL:{event.url}")
    lines.append("END:VEVENT")
    return lines


def calendar(events, *, name: str, prodid: str, stamp: datetime.datetime) -> str:
    """The iCalendar object of ``events``, every line folded and ended with CRLF."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{prodid}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for event in events:
        lines.extend(event_lines(event, stamp=stamp))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
