"""Reading one row of the voting system's file: its values parsed, its convocation found, its deputy matched.

Problems are collected, not raised, each under the column it concerns, so a row reports all of them at
once. The convocations are read once; each convocation's deputies once, and each spelling of a name is
matched once (``council.names.match_name``) however many rows repeat it.
"""

import dataclasses
import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from cms.dates import spans

from . import imports as fmt
from .models import Convocation, Deputy, Membership
from .names import match_name, name_key


@dataclasses.dataclass
class ParsedRow:
    """A row's keys, resolved to what exists; ``errors`` maps a column to its problems."""

    errors: dict[str, list[str]] = dataclasses.field(default_factory=dict)
    convocation: Convocation | None = None
    session: int | None = None
    date: datetime.date | None = None
    item_number: str = ""
    item_title: str = ""
    question: str = ""
    position: int | None = None
    held_at: datetime.datetime | None = None
    deputy: Deputy | None = None

    def fail(self, column: str, message: str) -> None:
        self.errors.setdefault(column, []).append(message)

    @property
    def meeting_key(self):
        if self.session:
            return (self.convocation.pk, "number", self.session)
        return (self.convocation.pk, "date", self.date)

    @property
    def item_key(self):
        return ("number", self.item_number) if self.item_number else ("title", name_key(self.item_title))

    @property
    def vote_key(self):
        if self.position:
            return ("position", self.position)
        return ("question", self.question, self.held_at)


class RowReader:
    """Reads rows for one import; ``convocation`` (the command's ``--convocation``) overrides the dates."""

    def __init__(self, *, convocation: Convocation | None = None):
        self.convocation = convocation
        self.convocations = list(Convocation.objects.order_by("start_date"))
        self._terms: dict[int, list[tuple[Deputy, datetime.date, datetime.date | None]]] = {}
        self._candidates: dict[tuple, list[tuple[str, Deputy]]] = {}
        self._names: dict[tuple, tuple[Deputy | None, list[Deputy]]] = {}

    def read(self, row: dict) -> ParsedRow:
        """The row's values and keys, its deputy matched; every problem kept under its column."""
        parsed = ParsedRow()
        self._parse(parsed, row, fmt.SESSION, "session", fmt.parse_number)
        self._parse(parsed, row, fmt.DATE, "date", fmt.parse_date)
        self._parse(parsed, row, fmt.QUESTION, "question", fmt.parse_question)
        self._parse(parsed, row, fmt.VOTE_NUMBER, "position", fmt.parse_number)
        time = self._parse(parsed, row, fmt.TIME, None, fmt.parse_time)
        parsed.item_number = fmt.text(row.get(fmt.ITEM_NUMBER))[:16]
        parsed.item_title = fmt.text(row.get(fmt.ITEM_TITLE))[:1000]
        if not parsed.item_title:
            parsed.fail(fmt.ITEM_TITLE, _("The question of the agenda is empty."))
        if parsed.date:
            parsed.convocation = self._convocation(parsed, row)
            if time is not None:
                parsed.held_at = timezone.make_aware(datetime.datetime.combine(parsed.date, time))
        if parsed.convocation:
            parsed.deputy = self._deputy(parsed, fmt.text(row.get(fmt.DEPUTY)))
        return parsed

    @staticmethod
    def _parse(parsed, row, column, attribute, parser):
        try:
            value = parser(row.get(column))
        except ValueError as error:
            parsed.fail(column, str(error))
            return None
        if attribute:
            setattr(parsed, attribute, value)
        return value

    def _convocation(self, parsed, row) -> Convocation | None:
        if self.convocation is not None:
            return self.convocation
        if fmt.CONVOCATION in row and fmt.text(row.get(fmt.CONVOCATION)):
            try:
                number = fmt.parse_number(row.get(fmt.CONVOCATION))
            except ValueError as error:
                parsed.fail(fmt.CONVOCATION, str(error))
                return None
            found = next((c for c in self.convocations if c.number == number), None)
            if found is None:
                parsed.fail(fmt.CONVOCATION, _("There is no convocation %(number)s.") % {"number": number})
            return found
        for convocation in reversed(self.convocations):
            if spans(convocation.start_date, convocation.end_date, parsed.date):
                return convocation
        parsed.fail(
            fmt.DATE,
            _("No convocation sat on %(date)s: add the convocation or name it in the «%(column)s» column.")
            % {"date": parsed.date.strftime("%d.%m.%Y"), "column": fmt.CONVOCATION},
        )
        return None

    def _members(self, convocation: Convocation) -> list[tuple[Deputy, datetime.date, datetime.date | None]]:
        """The convocation's deputies with each membership's dates, read once per import."""
        if convocation.pk not in self._terms:
            memberships = Membership.objects.filter(convocation=convocation).select_related("deputy")
            self._terms[convocation.pk] = [(m.deputy, m.start_date, m.end_date) for m in memberships]
        return self._terms[convocation.pk]

    def _candidates_on(self, convocation: Convocation, day: datetime.date | None) -> list[tuple[str, Deputy]]:
        """(full name, deputy) of the convocation's deputies sitting on ``day`` (all of them with no day)."""
        key = (convocation.pk, day)
        if key not in self._candidates:
            deputies = {
                deputy.pk: deputy
                for deputy, start, end in self._members(convocation)
                if day is None or spans(start, end, day)
            }
            self._candidates[key] = [(deputy.full_name, deputy) for deputy in deputies.values()]
        return self._candidates[key]

    def _deputy(self, parsed, name: str) -> Deputy | None:
        """The deputy ``name`` denotes among those sitting on the session's day.

        The council's composition is counted on that day (``council.tally``), so a ballot of a deputy
        whose mandate had ended, or not yet begun, would count beside a composition without him or her;
        and a successor with the predecessor's initials («Бойко О.М.») is not an ambiguity.
        """
        convocation = parsed.convocation
        if not name:
            parsed.fail(fmt.DEPUTY, _("The deputy's name is empty."))
            return None
        cache_key = (convocation.pk, parsed.date, name)
        if cache_key not in self._names:
            self._names[cache_key] = match_name(name, self._candidates_on(convocation, parsed.date))
        deputy, ambiguous = self._names[cache_key]
        if ambiguous:
            parsed.fail(
                fmt.DEPUTY,
                _("«%(name)s» may be any of: %(names)s; write the full name.")
                % {"name": name, "names": "; ".join(sorted(d.full_name for d in ambiguous))},
            )
        elif deputy is None:
            everyone = (convocation.pk, None, name)
            if everyone not in self._names:
                self._names[everyone] = match_name(name, self._candidates_on(convocation, None))
            former = self._names[everyone][0]
            if former is not None:
                parsed.fail(fmt.DEPUTY, self._not_sitting(former, convocation, parsed.date))
            else:
                parsed.fail(
                    fmt.DEPUTY,
                    _(
                        "No deputy of convocation %(number)s is called «%(name)s»: "
                        "check the name or add the deputy."
                    )
                    % {"number": convocation.number, "name": name},
                )
        return deputy

    def _not_sitting(self, deputy: Deputy, convocation: Convocation, day: datetime.date) -> str:
        terms = sorted((start, end) for who, start, end in self._members(convocation) if who.pk == deputy.pk)
        periods = ", ".join(
            _("from %(start)s to %(end)s")
            % {"start": start.strftime("%d.%m.%Y"), "end": end.strftime("%d.%m.%Y")}
            if end
            else _("from %(start)s") % {"start": start.strftime("%d.%m.%Y")}
            for start, end in terms
        )
        return _(
            "%(name)s was not a deputy of convocation %(number)s on %(date)s (the mandate ran %(periods)s): "
            "check the date or the name."
        ) % {
            "name": deputy.full_name,
            "number": convocation.number,
            "date": day.strftime("%d.%m.%Y"),
            "periods": periods,
        }
