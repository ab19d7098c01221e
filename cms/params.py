"""Query-string parameters, parsed one way for every public and admin view.

A value a visitor typed, or a robot invented, becomes either a clean Python value or a
``BadParameter`` that names the parameter and the value. Listings turn the error into a notice and
ignore the filter; the API and the feeds answer 400. Nothing here trusts ``str.isdigit()`` (it takes
«²» for a digit), lets a NUL byte reach the database (PostgreSQL refuses it) or builds a date past
the end of the calendar.
"""

import datetime
import re

from django.utils.translation import gettext as _

from cms.dates import MAX_YEAR, MIN_YEAR, parse_month

#: Longest free-text value kept (a search query, a number, a slug); longer ones are refused.
MAX_TEXT = 200

_INTEGER = re.compile(r"[0-9]{1,9}", re.ASCII)
#: A whole number with a sign or too many digits: a number still, only not one the site has.
_SIGNED_INTEGER = re.compile(r"[-+]?[0-9]+", re.ASCII)
# C0 controls but tab and newline, DEL and the C1 controls: nothing a person types into a form.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def shown(value, length: int = 20) -> str:
    """A value as a notice may quote it: control characters (NUL included) dropped, cut at ``length``."""
    value = _CONTROL.sub("", str(value))
    return value if len(value) <= length else value[:length] + "…"


class BadParameter(ValueError):
    """A parameter value the view cannot use; ``str()`` is a sentence for the visitor."""

    def __init__(self, name: str, value, message: str):
        self.name, self.value = name, value
        super().__init__(message)


def text(raw, *, name: str, max_length: int = MAX_TEXT) -> str:
    """``raw`` stripped; '' when absent. Control characters (NUL included) and overlong values are refused."""
    value = (raw or "").strip()
    if _CONTROL.search(value):
        raise BadParameter(
            name, value, _("The parameter «%(name)s» contains control characters.") % {"name": name}
        )
    if len(value) > max_length:
        raise BadParameter(
            name,
            value[:max_length],
            _("The parameter «%(name)s» is longer than %(max)s characters.")
            % {"name": name, "max": max_length},
        )
    return value


def integer(raw, *, name: str, minimum: int | None = None, maximum: int | None = None) -> int | None:
    """A whole number written in ASCII digits within [minimum, maximum]; None when absent."""
    value = text(raw, name=name, max_length=32)
    if not value:
        return None
    if not _INTEGER.fullmatch(value):
        if not _SIGNED_INTEGER.fullmatch(value):
            raise BadParameter(name, value, _("«%(value)s» is not a number.") % {"value": value})
        number = None  # «-1», «+3», a hundred digits: out of range, whatever the range
    else:
        number = int(value)
    if (
        number is None
        or (minimum is not None and number < minimum)
        or (maximum is not None and number > maximum)
    ):
        raise BadParameter(
            name,
            value,
            _("%(value)s is out of range for «%(name)s».") % {"value": value, "name": name},
        )
    return number


def year(raw, *, name: str = "year") -> int | None:
    """A year the site's documents can carry; None when absent."""
    value = text(raw, name=name, max_length=32)
    try:
        return integer(value, name=name, minimum=MIN_YEAR, maximum=MAX_YEAR)
    except BadParameter:
        raise BadParameter(name, value, _("«%(value)s» is not a year.") % {"value": value}) from None


def month(raw, *, name: str = "month") -> datetime.date | None:
    """The first day of a ``YYYY-MM`` month within the site's years; None when absent."""
    value = text(raw, name=name, max_length=32)
    if not value:
        return None
    try:
        return parse_month(value)
    except ValueError:
        raise BadParameter(
            name, value, _("The month «%(value)s» is not in the form YYYY-MM.") % {"value": value}
        ) from None


def choice(raw, *, name: str, choices) -> str | None:
    """One of ``choices`` (a Django choices list or any iterable of values); None when absent."""
    value = text(raw, name=name)
    if not value:
        return None
    allowed = {item[0] if isinstance(item, tuple | list) else item for item in choices}
    if value not in allowed:
        raise BadParameter(
            name, value, _("Unknown value «%(value)s» of «%(name)s».") % {"value": value, "name": name}
        )
    return value


#: Largest whole number a database column can hold (SQLite's and PostgreSQL's 64-bit integers).
MAX_DATABASE_INTEGER = 2**63 - 1


def admin_value(raw, *, name: str, max_length: int = 2000, free_text: bool = False) -> str:
    """A query-string value of an admin listing, fit to reach the database; ``BadParameter`` if not.

    Refused: control characters (PostgreSQL refuses NUL), values past ``max_length`` and, unless the
    parameter is ``free_text`` (a search), a whole number past a 64-bit column: ``int()`` takes
    «２０１８» and 4,000 digits, and SQLite's driver raises ``OverflowError`` on such a number.
    """
    value = text(raw, name=name, max_length=max_length)
    if free_text:
        return value
    try:
        number = int(value)
    except ValueError:
        return value
    if abs(number) > MAX_DATABASE_INTEGER:
        raise BadParameter(
            name,
            value[:32],
            _("%(value)s is out of range for «%(name)s».") % {"value": value[:32] + "…", "name": name},
        )
    return value
