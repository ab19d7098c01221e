"""The council's time zone; months as the site's URLs, forms and commands write them (``YYYY-MM``); periods
of days."""

import datetime
import re
import zoneinfo

#: The council's time zone. Deadlines, a discussion's last day and a vote's day are Kyiv's by law, not
#: by a deployment's setting: the zone is written here, not read from ``settings.TIME_ZONE`` (a test
#: checks the two agree), and this leaf needs no configured settings to be imported.
KYIV = zoneinfo.ZoneInfo("Europe/Kyiv")

#: Years the site's documents can carry; a month outside them is refused, never overflows.
MIN_YEAR, MAX_YEAR = 1900, 2100

MONTH_RE = re.compile(r"([0-9]{4})-([0-9]{2})", re.ASCII)


def parse_month(value: str | None) -> datetime.date:
    """The first day of a ``YYYY-MM`` month between MIN_YEAR and MAX_YEAR; ValueError otherwise."""
    match = MONTH_RE.fullmatch((value or "").strip())
    if not match or not MIN_YEAR <= int(match[1]) <= MAX_YEAR or not 1 <= int(match[2]) <= 12:
        raise ValueError(
            f"month must be YYYY-MM between {MIN_YEAR} and {MAX_YEAR} (e.g. 2018-11), got {value!r}"
        )
    return datetime.date(int(match[1]), int(match[2]), 1)


def spans(start: datetime.date, end: datetime.date | None, day: datetime.date) -> bool:
    """Whether a period from ``start`` to ``end`` (both days included; None: still running) holds ``day``."""
    return start <= day and (end is None or day <= end)
