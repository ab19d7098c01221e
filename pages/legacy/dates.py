"""Dates as the old site wrote them: ISO 8601 or ``DD.MM.YYYY[ HH:MM]``, Kyiv time when no offset is given."""

import datetime
import re

from django.utils.translation import gettext as _

from cms.dates import KYIV

_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")


class LegacyDateError(ValueError):
    """A date the old site could not have meant: wrong form or impossible (31.11.2018)."""


def parse_legacy_datetime(value: str) -> datetime.datetime:
    """An aware datetime from a legacy date string.

    Accepts ISO 8601 (``2018-05-03``, ``2018-05-03T10:15``, ``2018-05-03T10:15:00+02:00``, ``...Z``)
    and the old site's ``DD.MM.YYYY`` with an optional `` HH:MM``. A value without an offset is
    Kyiv time (Europe/Kyiv, with its summer time); a date alone means midnight in Kyiv.
    Raises LegacyDateError naming the value for anything else, including impossible dates.
    """
    text = (value or "").strip()
    if not text:
        raise LegacyDateError(_("empty date"))
    match = _DOTTED.match(text)
    try:
        if match:
            day, month, year, hour, minute, second = match.groups()
            result = datetime.datetime(
                int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0)
            )
        else:
            iso = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
            result = datetime.datetime.fromisoformat(iso)
    except ValueError:
        raise LegacyDateError(_("impossible or unreadable date «%(date)s»") % {"date": text}) from None
    if result.tzinfo is None:
        result = result.replace(tzinfo=KYIV)
    return result


def parse_legacy_date(value: str | None) -> datetime.date | None:
    """The calendar date (in Kyiv) of a legacy date string; None for an empty value."""
    if value is None or not str(value).strip():
        return None
    if isinstance(value, datetime.datetime):
        return value.astimezone(KYIV).date()
    if isinstance(value, datetime.date):
        return value
    return parse_legacy_datetime(str(value)).astimezone(KYIV).date()
