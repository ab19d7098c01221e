"""A roll-call vote's tally, quorum and result, counted against the composition of the body that voted.

Whose composition judges a vote depends on the meeting (:func:`judged_by`):

- **A plenary session**: the council's total composition («загальний склад ради»), the deputies whose
  mandate runs on the day of the vote (a membership of the meeting's convocation covering that day)
  and the mayor, who is a member of the council (Art. 59 of the Law «On local self-government in
  Ukraine»: decisions are adopted by a majority of the total composition). A sitting has a quorum
  when more than half of the composition took part (registered ballots: every ballot but «absent»).
- **A standing commission's meeting**: the commission's own composition, the deputies whose seat in it
  (``CommissionMembership``, dates inclusive) runs on the day, without the mayor (Art. 47: a commission
  is elected from the deputies, and the mayor cannot be elected to one). Art. 47 again: the meeting «є
  правомочним, якщо в ньому бере участь не менш як половина від загального складу комісії» (at least
  half, so 2 of 4 is a quorum), and its conclusions and recommendations «приймаються більшістю від
  загального складу комісії» (more than half of the commission's composition, not of those present).
- **The executive committee's meeting**: the committee is not the council (the mayor, the deputy
  mayors, the secretary, the heads of the starosta districts and others the council confirms, Art. 51)
  and its decisions need a majority of its own total composition (Art. 59), which no model records:
  the composition is unknown (``None``) and neither quorum nor result is judged, rather than judged
  against the council's deputies, who mostly are not its members.

Without a convocation (or commission), or with nobody in it on that day, the composition is unknown
and the result is left undecided (``None``).

Each ballot also keeps the deputy's faction on that day and whether its choice was the faction's
majority (``council.majority``), so a deputy's record counts its agreement without reading anyone
else's ballots. Every writer of ballots recounts the votes it touched; ``manage.py recount_votes``
recounts them all, and a change of a deputy's memberships or commission seats recounts the votes it
affects (``council.recounting``).
"""

import dataclasses
import datetime
import math
from collections import Counter, defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from cms.dates import spans

from .act_cache import purge_acts_of
from .kinds import BallotChoice, Majority, MeetingKind
from .majority import factions_on, with_faction
from .models import Ballot, CommissionMembership, Meeting, Membership, Vote

#: The mayor is a member of the council beside the deputies (not of its commissions).
HEAD_OF_COUNCIL = 1
#: The bodies whose composition judges a vote (:func:`judged_by`).
COUNCIL, COMMISSION = "council", "commission"
#: Votes recounted together (their ballots are held in memory at once).
BATCH_SIZE = 200
#: Ballots named in one UPDATE (under SQLite's 999 parameters).
WRITE_CHUNK = 900

COUNT_FIELDS = {
    BallotChoice.FOR: "for_count",
    BallotChoice.AGAINST: "against_count",
    BallotChoice.ABSTAINED: "abstained_count",
    BallotChoice.DID_NOT_VOTE: "not_voted_count",
    BallotChoice.ABSENT: "absent_count",
}
VOTE_FIELDS = [*COUNT_FIELDS.values(), "composition", "quorum", "adopted"]


def _running_on(rows: QuerySet, day: datetime.date) -> int:
    """How many deputies hold one of ``rows`` (memberships or commission seats) on ``day``, ends included."""
    return (
        rows.filter(start_date__lte=day)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=day))
        .values("deputy")
        .distinct()
        .count()
    )


def composition_on(convocation_id: int | None, day: datetime.date) -> int | None:
    """The council's total composition on ``day``: deputies with a running mandate, and the mayor."""
    if convocation_id is None:
        return None
    deputies = _running_on(Membership.objects.filter(convocation_id=convocation_id), day)
    return deputies + HEAD_OF_COUNCIL if deputies else None


def commission_composition_on(commission_id: int | None, day: datetime.date) -> int | None:
    """A standing commission's composition on ``day``: the deputies whose seat in it runs that day."""
    if commission_id is None:
        return None
    return _running_on(CommissionMembership.objects.filter(commission_id=commission_id), day) or None


def judged_by(meeting: Meeting) -> tuple[str, int | None] | None:
    """Whose composition judges the votes of ``meeting``: ``(COUNCIL, convocation id)`` for a plenary
    session, ``(COMMISSION, commission id)`` for a standing commission's, None for the executive
    committee's (its composition is not recorded: see the module's docstring)."""
    if meeting.kind == MeetingKind.COMMISSION:
        return COMMISSION, meeting.commission_id
    if meeting.kind == MeetingKind.EXECUTIVE:
        return None
    return COUNCIL, meeting.convocation_id


def votes_needed(composition: int, majority: str) -> int:
    """The «for» votes a question needs: more than half, or two thirds, of the total composition (of
    the council, or of the commission whose vote it is)."""
    if majority == Majority.TWO_THIRDS:
        return math.ceil(composition * 2 / 3)
    return composition // 2 + 1


@dataclasses.dataclass(frozen=True)
class Outcome:
    counts: dict[str, int]
    composition: int | None
    quorum: bool | None
    adopted: bool | None


def has_quorum(registered: int, composition: int, body: str = COUNCIL) -> bool:
    """A council's sitting needs more than half of its composition; a commission's meeting at least
    half of the commission's (Art. 47: «не менш як половина від загального складу комісії»)."""
    if body == COMMISSION:
        return registered * 2 >= composition
    return registered * 2 > composition


def outcome(
    counts: dict[str, int], composition: int | None, majority: str, *, body: str = COUNCIL
) -> Outcome:
    """The quorum and the result of a vote with these ballot ``counts`` (choice → number), taken by
    ``body`` (``COUNCIL`` or ``COMMISSION``) of this ``composition``."""
    if not composition:
        return Outcome(counts, None, None, None)
    registered = sum(n for choice, n in counts.items() if choice != BallotChoice.ABSENT)
    quorum = has_quorum(registered, composition, body)
    adopted = quorum and counts.get(BallotChoice.FOR, 0) >= votes_needed(composition, majority)
    return Outcome(counts, composition, quorum, adopted)


def recount(vote: Vote) -> Outcome:
    """Count ``vote``'s ballots, judge its quorum and result, and store them on the vote; store each
    ballot's faction on the day and whether it went with the faction's majority."""
    return recount_many([vote])[vote.pk]


def recount_many(votes: Iterable[Vote]) -> dict[int, Outcome]:
    """``recount`` each of ``votes`` (instances, updated in place), ``BATCH_SIZE`` at a time: the same
    fixed number of queries per batch as for one vote. Returns each vote's outcome by its id."""
    votes, results = list(votes), {}
    for start in range(0, len(votes), BATCH_SIZE):
        results |= _recount_batch(votes[start : start + BATCH_SIZE], fresh=False)
    purge_acts_of(votes)
    return results


def recount_votes(votes: QuerySet, *, batch_size: int = BATCH_SIZE, progress=None) -> int:
    """Recount ``votes`` in batches of ``batch_size`` (memory bounded by the batch), calling
    ``progress(done, total)`` after each batch (each in its own transaction).
    Returns the number of votes recounted."""
    ids = list(votes.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch_size):
        batch = Vote.objects.filter(pk__in=ids[start : start + batch_size]).select_related(
            "agenda_item__meeting"
        )
        with transaction.atomic():
            batch = list(batch)
            _recount_batch(batch, fresh=True)
            purge_acts_of(batch)
        if progress is not None:
            progress(min(start + batch_size, len(ids)), len(ids))
    return len(ids)


def _recount_batch(votes: list[Vote], *, fresh: bool) -> dict[int, Outcome]:
    """A fixed number of queries whatever the batch's size: the memberships, the commission seats (when
    a commission's vote is in the batch), the ballots, one write of the votes and one per (faction,
    agreement) pair of the ballots that changed. ``fresh`` votes were just read, so those whose tally
    is unchanged are not written."""
    days, bodies = {}, {}
    for vote in votes:
        meeting = vote.agenda_item.meeting
        days[vote.pk] = (meeting.convocation_id, timezone.localdate(vote.held_at or meeting.starts_at))
        bodies[vote.pk] = judged_by(meeting)
    terms = defaultdict(list)
    if any(convocation for convocation, _day in days.values()):
        rows = (
            Membership.objects.filter(convocation__in={convocation for convocation, _day in days.values()})
            .filter(start_date__lte=max(day for _c, day in days.values()))
            .filter(Q(end_date__isnull=True) | Q(end_date__gte=min(day for _c, day in days.values())))
            .order_by("start_date", "pk")
            .values_list("convocation_id", "deputy_id", "faction_id", "start_date", "end_date")
        )
        for convocation_id, *term in rows:
            terms[convocation_id].append(term)
    seats = _seats(votes, days, bodies)
    ballots = defaultdict(list)
    rows = Ballot.objects.filter(vote__in=[vote.pk for vote in votes]).order_by("pk")
    for row in rows.values_list("pk", "vote_id", "deputy_id", "choice", "faction_id", "with_faction"):
        ballots[row[1]].append(row)
    results, changed_votes, changed = {}, [], defaultdict(list)
    for vote in votes:
        convocation_id, day = days[vote.pk]
        faction_of, deputies = factions_on(terms[convocation_id], day)
        cast = ballots[vote.pk]
        counts = {choice: 0 for choice in BallotChoice.values}
        counts.update(Counter(row[3] for row in cast))
        body = bodies[vote.pk]
        if body is None:
            composition = None
        elif body[0] == COMMISSION:
            members = {deputy_id for deputy_id, start, end in seats[body[1]] if spans(start, end, day)}
            composition = len(members) or None
        else:
            composition = deputies + HEAD_OF_COUNCIL if deputies else None
        results[vote.pk] = result = outcome(
            counts, composition, vote.majority, body=body[0] if body else COUNCIL
        )
        tally = [counts[choice] for choice in COUNT_FIELDS] + [composition, result.quorum, result.adopted]
        if not fresh or tally != [getattr(vote, field) for field in VOTE_FIELDS]:
            changed_votes.append(vote)
            for field, value in zip(VOTE_FIELDS, tally, strict=True):
                setattr(vote, field, value)
        factions = [faction_of.get(deputy_id) for _pk, _v, deputy_id, *_rest in cast]
        agreements = with_faction([(f, row[3]) for f, row in zip(factions, cast, strict=True)])
        for row, faction_id, agrees in zip(cast, factions, agreements, strict=True):
            if (row[4], row[5]) != (faction_id, agrees):
                changed[faction_id, agrees].append(row[0])
    Vote.objects.bulk_update(changed_votes, VOTE_FIELDS)
    # One UPDATE per (faction, agreement) pair rather than a CASE per ballot: few pairs, many ballots.
    for (faction_id, agrees), pks in changed.items():
        for start in range(0, len(pks), WRITE_CHUNK):
            Ballot.objects.filter(pk__in=pks[start : start + WRITE_CHUNK]).update(
                faction_id=faction_id, with_faction=agrees
            )
    return results


def _seats(votes: list[Vote], days: dict, bodies: dict) -> dict[int, list[tuple]]:
    """The seats (deputy, start, end) of the commissions whose meetings' votes are in the batch, by
    commission, over the batch's days: one query, none for a batch without a commission's vote."""
    seats = defaultdict(list)
    judged = [
        (body[1], days[vote.pk][1]) for vote in votes if (body := bodies[vote.pk]) and body[0] == COMMISSION
    ]
    commissions = {commission_id for commission_id, _day in judged if commission_id is not None}
    if not commissions:
        return seats
    rows = (
        CommissionMembership.objects.filter(commission__in=commissions)
        .filter(start_date__lte=max(day for _c, day in judged))
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=min(day for _c, day in judged)))
        .values_list("commission_id", "deputy_id", "start_date", "end_date")
    )
    for commission_id, *seat in rows:
        seats[commission_id].append(seat)
    return seats
