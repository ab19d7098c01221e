"""Months as the site's URLs, forms and commands write them: ``YYYY-MM``."""

import datetime
import re

MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")


def parse_month(value: str | None) -> datetime.date:
    """The first day of a ``YYYY-MM`` month; ValueError naming the parameter otherwise."""
    match = MONTH_RE.match(value or "")
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise ValueError(f"month must be YYYY-MM (e.g. 2018-11), got {value!r}")
    return datetime.date(int(match.group(1)), int(match.group(2)), 1)
