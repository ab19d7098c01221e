"""The one engine that reads the deadline rules and the working-day calendar.

Models and views never do date arithmetic for deadlines: they call :func:`check_item`,
:func:`check_page` or :func:`deadline_dashboard` here.
"""

import calendar as _calendar
import datetime
from dataclasses import dataclass

import holidays
from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from pages.models import ActPage

from . import legal_rules
from .legal_rules import LASTS_AT_LEAST, MONTHS, PUBLISH_BEFORE, PUBLISH_WITHIN, DeadlineRule
from .roll_calls import with_votes

MET = "met"
VIOLATED = "violated"
DUE_SOON = "due_soon"
PENDING = "pending"
#: The worst first: an act judged per vote takes its worst vote's check.
SEVERITY = {VIOLATED: 0, DUE_SOON: 1, PENDING: 2, MET: 3}
STATUS_LABELS = {
    MET: _("met"),
    VIOLATED: _("violated"),
    DUE_SOON: _("due soon"),
    PENDING: _("pending"),
}


def calendar_config() -> dict:
    """The calendar data, with ``settings.REPORTS_CALENDAR`` merged over the defaults."""
    return {**legal_rules.CALENDAR, **getattr(settings, "REPORTS_CALENDAR", {})}


def deadline_rules() -> list[DeadlineRule]:
    """The rules in force in this project: ``settings.REPORTS_DEADLINE_RULES`` or the defaults."""
    rules = getattr(settings, "REPORTS_DEADLINE_RULES", None)
    if rules is None:
        return list(legal_rules.RULES)
    return list(import_string(rules) if isinstance(rules, str) else rules)


class WorkingCalendar:
    """Working days of Ukraine: Monday to Friday, minus public holidays (outside martial law)."""

    def __init__(self, config: dict | None = None):
        self.config = config or calendar_config()
        self._days_off = {self._as_date(d) for d in self.config["extra_days_off"]}
        self._working = {self._as_date(d) for d in self.config["extra_working_days"]}
        self._years: dict[int, holidays.HolidayBase] = {}

    @staticmethod
    def _as_date(value) -> datetime.date:
        return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value)

    def _holidays(self, year: int) -> holidays.HolidayBase:
        if year not in self._years:
            # `holidays` files the holidays it deems suspended by martial law under WORKDAY; the engine
            # applies its own configured martial-law period, so it reads both categories.
            categories = [
                c
                for c in ("public", "workday")
                if c in holidays.country_holidays(self.config["country"]).supported_categories
            ]
            self._years[year] = holidays.country_holidays(
                self.config["country"], years=year, categories=categories
            )
        return self._years[year]

    def under_martial_law(self, day: datetime.date) -> bool:
        start, end = self.config["martial_law_from"], self.config["martial_law_until"]
        return start is not None and start <= day and (end is None or day <= end)

    def is_working_day(self, day: datetime.date) -> bool:
        """Whether ``day`` is a working day by the configured calendar."""
        if day in self._working:
            return True
        if day in self._days_off:
            return False
        official = self._holidays(day.year)
        if self.under_martial_law(day):
            # Public holidays and the Cabinet's transfers of days off are suspended: a plain week.
            return day.weekday() < 5
        if day.weekday() >= 5:
            return day in official.weekend_workdays
        return day not in official

    def shift(self, day: datetime.date, working_days: int) -> datetime.date:
        """The date ``working_days`` working days after ``day`` (before it when negative).

        Zero gives ``day`` itself: "on the day of the vote" is met on that very day.
        """
        step = 1 if working_days >= 0 else -1
        remaining = abs(working_days)
        while remaining:
            day += datetime.timedelta(days=step)
            if self.is_working_day(day):
                remaining -= 1
        return day

    def count_between(self, start: datetime.date, end: datetime.date) -> int:
        """Working days after ``start`` up to and including ``end`` (negative if ``end`` is earlier)."""
        if end < start:
            return -self.count_between(end, start)
        return sum(
            1
            for n in range(1, (end - start).days + 1)
            if self.is_working_day(start + datetime.timedelta(days=n))
        )


def default_calendar() -> WorkingCalendar:
    """A calendar built from the current settings (cheap: holidays are computed per year on demand)."""
    return WorkingCalendar()


def add_months(day: datetime.date, months: int) -> datetime.date:
    """Calendar months ahead, clamped to the month's last day (31 January + 1 month = 28/29 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, _calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Check:
    """The outcome of one rule for one item."""

    rule: DeadlineRule
    due: datetime.date
    measured: datetime.date | None
    status: str
    working_days_left: int | None = None

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def is_problem(self) -> bool:
        return self.status in (VIOLATED, DUE_SOON)


def rule_for(code: str, anchor: datetime.date, rules=None) -> DeadlineRule | None:
    """The version of rule ``code`` in force on ``anchor``."""
    for rule in rules if rules is not None else deadline_rules():
        if rule.code == code and rule.in_force_on(anchor):
            return rule
    return None


def due_date(rule: DeadlineRule, anchor: datetime.date, cal: WorkingCalendar) -> datetime.date:
    """The latest (or, for a minimum period, the earliest) allowed measured date."""
    if rule.unit == MONTHS:
        return add_months(anchor, rule.amount if rule.kind != PUBLISH_BEFORE else -rule.amount)
    return cal.shift(anchor, -rule.amount if rule.kind == PUBLISH_BEFORE else rule.amount)


def evaluate(
    rule: DeadlineRule,
    *,
    anchor: datetime.date,
    measured: datetime.date | None,
    today: datetime.date,
    cal: WorkingCalendar,
    warn_within: int,
) -> Check:
    """Judge one item against one rule version, as of ``today``."""
    due = due_date(rule, anchor, cal)
    if rule.kind == LASTS_AT_LEAST:
        # The period is set when the draft is published; a missing or short end date is a breach.
        status = MET if measured is not None and measured >= due else VIOLATED
        return Check(rule, due, measured, status)
    if rule.kind not in (PUBLISH_BEFORE, PUBLISH_WITHIN):
        raise ValueError(f"Unknown deadline rule kind {rule.kind!r} in rule {rule.code!r}")
    if measured is not None:
        return Check(rule, due, measured, MET if measured <= due else VIOLATED)
    if today > due:
        return Check(rule, due, None, VIOLATED)
    left = cal.count_between(today, due)
    return Check(rule, due, None, DUE_SOON if left <= warn_within else PENDING, left)


def check_votes(rule: DeadlineRule, *, anchor, votes, today, cal, warn_within) -> Check:
    """A ``per_vote`` rule: each vote's publication against its day; the worst vote's check counts.

    No vote at all: the results are missing, judged as unpublished from ``anchor`` (the adoption).
    """
    if not votes:
        return evaluate(rule, anchor=anchor, measured=None, today=today, cal=cal, warn_within=warn_within)
    checks = [
        evaluate(rule, anchor=day, measured=published_on, today=today, cal=cal, warn_within=warn_within)
        for day, published_on in votes
    ]
    return min(checks, key=lambda check: (SEVERITY[check.status], check.due))


def check_item(
    item: dict, *, today: datetime.date | None = None, rules=None, cal: WorkingCalendar | None = None
) -> list[Check]:
    """All deadline checks for one act, given as plain values.

    ``item`` holds ``act_type``, ``live``, the date fields the rules name (``date``, ``adopted_on``,
    ``planned_consideration_on``, ``discussion_until``) and ``votes``, its roll-call votes as
    (day, publication day) pairs (``reports.roll_calls.VotePublication``); without ``votes`` (no app
    records votes) the per-vote rules are not judged. An unpublished page has no publication date
    yet, whatever its ``date`` field says.
    """
    cal = cal or default_calendar()
    today = today or timezone.localdate()
    warn_within = cal.config["warn_within_working_days"]
    checks = []
    for rule in rules if rules is not None else deadline_rules():
        if not rule.covers(item.get("act_type")):
            continue
        anchor = item.get(rule.anchor)
        if anchor is None or not rule.in_force_on(anchor):
            continue
        if rule.per_vote:
            if item.get("votes") is not None:
                checks.append(
                    check_votes(
                        rule,
                        anchor=anchor,
                        votes=item["votes"],
                        today=today,
                        cal=cal,
                        warn_within=warn_within,
                    )
                )
            continue
        measured = item.get(rule.measured)
        if rule.measured == "date" and not item.get("live"):
            measured = None
        checks.append(
            evaluate(rule, anchor=anchor, measured=measured, today=today, cal=cal, warn_within=warn_within)
        )
    return checks


ACT_FIELDS = (
    "id",
    "title",
    "act_type",
    "number",
    "live",
    "date",
    "adopted_on",
    "planned_consideration_on",
    "discussion_until",
)


def check_page(page, *, today=None) -> list[Check]:
    """Deadline checks for an ActPage instance (other page types have no deadlines)."""
    if not hasattr(page, "act_type"):
        return []
    rules = deadline_rules()
    item = {name: getattr(page, name, None) for name in ACT_FIELDS}
    if page.pk is not None:
        with_votes([item], rules)
    return check_item(item, today=today, rules=rules)


def deadline_dashboard(
    *, today: datetime.date | None = None, lookback_days: int = 120
) -> list[tuple[dict, Check]]:
    """Acts that violate or will soon violate a deadline, worst first.

    Only acts whose anchor dates are recent or in the future are read: old, settled content
    does not need watching and would make the page slow on a large archive.
    """
    today = today or timezone.localdate()
    since = today - datetime.timedelta(days=lookback_days)
    rules = deadline_rules()
    rows = with_votes(
        list(
            ActPage.objects.filter(
                Q(adopted_on__gte=since) | Q(planned_consideration_on__gte=since) | Q(date__gte=since)
            ).values(*ACT_FIELDS)
        ),
        rules,
    )
    cal = default_calendar()
    found = []
    for row in rows:
        for check in check_item(row, today=today, rules=rules, cal=cal):
            if check.is_problem:
                found.append((row, check))
    found.sort(key=lambda pair: (pair[1].status != VIOLATED, pair[1].due))
    return found
