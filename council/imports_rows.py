"""Reading one row of the voting system's file: its values parsed, its convocation found, its deputy matched.

Problems are collected, not raised, each under the column it concerns, so a row reports all of them at
once. The convocations are read once; each convocation's deputies once, and each spelling of a name is
matched once (``council.names.match_name``) however many rows repeat it.
"""

import dataclasses
import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from . import imports as fmt
from .models import Convocation, Deputy
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
        self._candidates: dict[int, list[tuple[str, Deputy]]] = {}
        self._names: dict[tuple[int, str], tuple[Deputy | None, list[Deputy]]] = {}

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
            if convocation.start_date <= parsed.date and (
                convocation.end_date is None or parsed.date <= convocation.end_date
            ):
                return convocation
        parsed.fail(
            fmt.DATE,
            _("No convocation sat on %(date)s: add the convocation or name it in the «%(column)s» column.")
            % {"date": parsed.date.strftime("%d.%m.%Y"), "column": fmt.CONVOCATION},
        )
        return None

    def _deputy(self, parsed, name: str) -> Deputy | None:
        convocation = parsed.convocation
        if not name:
            parsed.fail(fmt.DEPUTY, _("The deputy's name is empty."))
            return None
        if convocation.pk not in self._candidates:
            deputies = Deputy.objects.filter(memberships__convocation=convocation).distinct()
            self._candidates[convocation.pk] = [(deputy.full_name, deputy) for deputy in deputies]
        cache_key = (convocation.pk, name)
        if cache_key not in self._names:
            self._names[cache_key] = match_name(name, self._candidates[convocation.pk])
        deputy, ambiguous = self._names[cache_key]
        if ambiguous:
            parsed.fail(
                fmt.DEPUTY,
                _("«%(name)s» may be any of: %(names)s; write the full name.")
                % {"name": name, "names": "; ".join(sorted(d.full_name for d in ambiguous))},
            )
        elif deputy is None:
            parsed.fail(
                fmt.DEPUTY,
                _(
                    "No deputy of convocation %(number)s is called «%(name)s»: "
                    "check the name or add the deputy."
                )
                % {"number": convocation.number, "name": name},
            )
        return deputy
