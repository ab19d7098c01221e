"""A deputy's record, read for his or her page: attendance, votes, loyalty to the faction, initiatives.

Every read is a fixed number of queries whatever the number of meetings and votes:

- **Attendance** counts the plenary sessions that have a roll-call record (at least one ballot).
  The deputy was *present* when any of his or her ballots in that session is not «absent»; *absent*
  when all of them are «absent», or when no ballot of the deputy is recorded although a membership
  of the session's convocation ran on the session's day. Two queries.
- **Votes**: the deputy's ballots, newest first, with the vote, the item, its decision and the
  meeting joined; filtered by the result (adopted or not) and by the deputy's choice.
- **With the faction**: for each vote where the deputy was not absent and belonged to a faction
  that day, the faction's majority choice is the most frequent non-absent choice among the ballots
  of the faction's members that day (the deputy's own included); a tie gives no majority and the
  vote is left out. The share is the votes where the deputy chose the majority's choice. Stored on
  each ballot when the vote is counted (``council.tally.recount``, ``council.majority``), so the
  page reads two counts of the deputy's own ballots in one query.
- **Initiatives**: the agenda items the deputy initiated, with their meetings and decisions.

The rows show a meeting as a :class:`MeetingRef` (its label, local day and page), worked out once per
meeting for the whole page by :class:`MeetingRefs`: the same fifty sessions appear in the attendance,
the votes and the initiatives, and a ``Meeting`` instance with its label, date and link formatted in
the template cost more per row than the rest of the row.
"""

import dataclasses
import datetime
from collections import defaultdict

from django.db.models import Count, Exists, F, OuterRef, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

from .kinds import BallotChoice, MeetingKind
from .links import meeting_url
from .models import AgendaItem, Ballot, Deputy, Meeting, Membership
from .models.meetings import meeting_label

RESULTS = {"adopted": True, "not_adopted": False}


@dataclasses.dataclass(frozen=True, slots=True)
class MeetingRef:
    """A meeting as a row of the record shows it."""

    pk: int
    label: str
    day: datetime.date
    url: str

    def __str__(self):
        return self.label


class MeetingRefs(dict):
    """Meeting id → :class:`MeetingRef`, each made once: share one between the reads of a page."""

    def ref(self, pk: int, kind: str, number: int | None, starts_at) -> MeetingRef:
        found = self.get(pk)
        if found is None:
            day = timezone.localtime(starts_at).date()
            found = self[pk] = MeetingRef(pk, meeting_label(kind, number, starts_at), day, meeting_url(pk))
        return found

    def of(self, meeting: Meeting) -> MeetingRef:
        return self.ref(meeting.pk, meeting.kind, meeting.number, meeting.starts_at)


@dataclasses.dataclass(frozen=True, slots=True)
class Attendance:
    meeting: MeetingRef
    present: bool


@dataclasses.dataclass(frozen=True)
class YearAttendance:
    year: int
    present: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.present / self.total) if self.total else 0


def _covers_day(prefix: str, day) -> Q:
    """A membership (reached through ``prefix``) running on ``day`` (a value or an expression)."""
    return Q(**{f"{prefix}start_date__lte": day}) & (
        Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gte": day})
    )


def attendance(deputy: Deputy, refs: MeetingRefs | None = None) -> list[Attendance]:
    """The plenary sessions with a roll-call record that the deputy attended or missed, newest first."""
    refs = MeetingRefs() if refs is None else refs
    present_in = (
        Ballot.objects.filter(deputy=deputy, vote__agenda_item__meeting__kind=MeetingKind.PLENARY)
        .order_by()
        .values("vote__agenda_item__meeting")
        .annotate(present=Count("pk", filter=~Q(choice=BallotChoice.ABSENT)))
        .values_list("vote__agenda_item__meeting", "present")
    )
    presence = dict(present_in)
    recorded = Exists(Ballot.objects.filter(vote__agenda_item__meeting=OuterRef("pk")))
    member = Exists(
        Membership.objects.filter(deputy=deputy, convocation=OuterRef("convocation")).filter(
            _covers_day("", OuterRef("day"))
        )
    )
    meetings = (
        Meeting.objects.filter(kind=MeetingKind.PLENARY)
        .annotate(day=TruncDate("starts_at"))
        .filter(Q(pk__in=list(presence)) | (Q(recorded) & Q(member)))
        .order_by("-starts_at", "-pk")
        .values_list("pk", "kind", "number", "starts_at")
    )
    return [Attendance(refs.ref(*row), presence.get(row[0], 0) > 0) for row in meetings]


def attendance_by_year(rows: list[Attendance]) -> list[YearAttendance]:
    """Sessions attended out of those counted, per calendar year, newest year first."""
    years = defaultdict(lambda: [0, 0])
    for row in rows:
        figures = years[row.meeting.day.year]
        figures[0] += row.present
        figures[1] += 1
    return [YearAttendance(year, *years[year]) for year in sorted(years, reverse=True)]


def votes(deputy: Deputy, *, result: str | None = None, choice: str | None = None):
    """The deputy's ballots on every question, newest first, each with its vote, item, decision, meeting."""
    ballots = Ballot.objects.filter(deputy=deputy).select_related(
        "vote__agenda_item__meeting", "vote__agenda_item__decision"
    )
    if result is not None:
        ballots = ballots.filter(vote__adopted=RESULTS[result])
    if choice is not None:
        ballots = ballots.filter(choice=choice)
    return ballots.only(
        "choice",
        "vote__question",
        "vote__position",
        "vote__held_at",
        "vote__adopted",
        "vote__for_count",
        "vote__against_count",
        "vote__agenda_item__number",
        "vote__agenda_item__title",
        "vote__agenda_item__meeting__kind",
        "vote__agenda_item__meeting__number",
        "vote__agenda_item__meeting__starts_at",
        "vote__agenda_item__decision__title",
        "vote__agenda_item__decision__url_path",
        "vote__agenda_item__decision__live",
    ).order_by(
        F("vote__held_at").desc(nulls_last=True),
        "-vote__agenda_item__meeting__starts_at",
        "-vote__position",
        "-pk",
    )


@dataclasses.dataclass(frozen=True)
class FactionAgreement:
    agreed: int
    counted: int

    @property
    def percent(self) -> int | None:
        return round(100 * self.agreed / self.counted) if self.counted else None


def with_faction(deputy: Deputy) -> FactionAgreement:
    """How often the deputy chose what the majority of his or her faction chose that day.

    Read from the ballots' stored agreement (``council.tally.recount`` writes it): one query.
    """
    figures = Ballot.objects.filter(deputy=deputy).aggregate(
        agreed=Count("pk", filter=Q(with_faction=True)),
        counted=Count("pk", filter=Q(with_faction__isnull=False)),
    )
    return FactionAgreement(figures["agreed"], figures["counted"])


def initiated(deputy: Deputy):
    """The agenda items the deputy initiated, newest first, with their meetings and decisions."""
    return (
        AgendaItem.objects.filter(initiators=deputy)
        .select_related("meeting", "decision")
        .only(
            "title",
            "meeting__kind",
            "meeting__number",
            "meeting__starts_at",
            "decision__title",
            "decision__url_path",
            "decision__live",
        )
        .order_by("-meeting__starts_at", "sort_order", "pk")
    )
