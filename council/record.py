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
  vote is left out. The share is the votes where the deputy chose the majority's choice. One query of
  counts per (vote, choice) per faction membership of the deputy (and one of its members), summed
  in one pass.
- **Initiatives**: the agenda items the deputy initiated, with their meetings and decisions.
"""

import dataclasses
import datetime
from collections import defaultdict

from django.db.models import Count, Exists, F, OuterRef, Q
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from .kinds import BallotChoice, MeetingKind
from .models import AgendaItem, Ballot, Deputy, Meeting, Membership

RESULTS = {"adopted": True, "not_adopted": False}
#: When a ballot was cast: the vote's time, or its meeting's start.
MOMENT = Coalesce("vote__held_at", "vote__agenda_item__meeting__starts_at")


@dataclasses.dataclass(frozen=True)
class Attendance:
    meeting: Meeting
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


def attendance(deputy: Deputy) -> list[Attendance]:
    """The plenary sessions with a roll-call record that the deputy attended or missed, newest first."""
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
    )
    return [Attendance(meeting, presence.get(meeting.pk, 0) > 0) for meeting in meetings]


def attendance_by_year(rows: list[Attendance]) -> list[YearAttendance]:
    """Sessions attended out of those counted, per calendar year, newest year first."""
    years = defaultdict(lambda: [0, 0])
    for row in rows:
        figures = years[row.meeting.starts_at.year]
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


def _during(field: str, start: datetime.date, end: datetime.date | None) -> Q:
    """``field`` (a moment) falls on a day from ``start`` to ``end`` (open: None), in the site's time zone.

    Compared as moments against local midnights, so the database needs no per-row date conversion
    (SQLite's is a Python function called for every row).
    """
    midnight = datetime.time()
    condition = Q(**{f"{field}__gte": timezone.make_aware(datetime.datetime.combine(start, midnight))})
    if end is not None:
        after = timezone.make_aware(datetime.datetime.combine(end + datetime.timedelta(days=1), midnight))
        condition &= Q(**{f"{field}__lt": after})
    return condition


def _spans(outer: Membership, inner: Membership) -> bool:
    """Whether ``outer``'s period contains ``inner``'s."""
    return outer.start_date <= inner.start_date and (
        outer.end_date is None or (inner.end_date is not None and outer.end_date >= inner.end_date)
    )


def with_faction(deputy: Deputy) -> FactionAgreement:
    """How often the deputy chose what the majority of his or her faction chose that day.

    Dates are compared only where they decide something: a fellow whose membership spans the deputy's
    is a member on every day that counts, and when the deputy has one membership in a convocation all
    his or her votes there are that membership's; so the common case reads the members' ballots of
    the deputy's votes through the (vote, deputy) index and joins nothing.
    """
    voted = Ballot.objects.filter(deputy=deputy).exclude(choice=BallotChoice.ABSENT)
    own = dict(voted.order_by().values_list("vote_id", "choice"))
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    memberships = list(Membership.objects.filter(deputy=deputy))
    for membership in memberships:
        if membership.faction_id is None:
            continue
        fellows = Membership.objects.filter(
            faction=membership.faction_id, convocation=membership.convocation_id
        )
        fellows = list(fellows.only("deputy_id", "start_date", "end_date"))
        votes = voted.filter(vote__agenda_item__meeting__convocation=membership.convocation_id)
        if sum(other.convocation_id == membership.convocation_id for other in memberships) > 1:
            votes = votes.alias(moment=MOMENT).filter(
                _during("moment", membership.start_date, membership.end_date)
            )
        members, dated = Q(pk__in=[]), False
        for fellow in fellows:
            condition = Q(deputy_id=fellow.deputy_id)
            if not _spans(fellow, membership):
                condition &= _during("moment", fellow.start_date, fellow.end_date)
                dated = True
            members |= condition
        ballots = Ballot.objects.alias(moment=MOMENT) if dated else Ballot.objects.all()
        rows = (
            ballots.filter(
                vote__in=votes.values("vote"), deputy_id__in={fellow.deputy_id for fellow in fellows}
            )
            .filter(members)
            .exclude(choice=BallotChoice.ABSENT)
            .order_by()
            .values("vote_id", "choice")
            .annotate(n=Count("pk"))
            .values_list("vote_id", "choice", "n")
        )
        for vote_id, choice, n in rows:
            counts[vote_id][choice] = n
    agreed = counted = 0
    for vote_id, by_choice in counts.items():
        ranked = sorted(by_choice.values(), reverse=True)
        if vote_id not in own or (len(ranked) > 1 and ranked[0] == ranked[1]):
            continue
        counted += 1
        agreed += by_choice.get(own[vote_id], 0) == ranked[0]
    return FactionAgreement(agreed, counted)


def initiated(deputy: Deputy):
    """The agenda items the deputy initiated, newest first, with their meetings and decisions."""
    return (
        AgendaItem.objects.filter(initiators=deputy)
        .select_related("meeting", "decision")
        .order_by("-meeting__starts_at", "sort_order", "pk")
    )
