"""A roll-call vote's tally, quorum and result, counted against the council's composition on the day.

The total composition («загальний склад ради») is the deputies whose mandate runs on the day of the
vote (a membership of the meeting's convocation covering that day) and the mayor, who is a member of
the council (Art. 59 of the Law «On local self-government in Ukraine»: decisions are adopted by a
majority of the total composition). A sitting has a quorum when more than half of the composition
took part (registered ballots: every ballot but «absent»). Without a convocation, or with nobody in
it on that day, the composition is unknown and the result is left undecided (``None``).
"""

import dataclasses
import datetime
import math

from django.db.models import Count, Q
from django.utils import timezone

from .kinds import BallotChoice, Majority
from .models import Membership, Vote

#: The mayor is a member of the council beside the deputies.
HEAD_OF_COUNCIL = 1

COUNT_FIELDS = {
    BallotChoice.FOR: "for_count",
    BallotChoice.AGAINST: "against_count",
    BallotChoice.ABSTAINED: "abstained_count",
    BallotChoice.DID_NOT_VOTE: "not_voted_count",
    BallotChoice.ABSENT: "absent_count",
}


def composition_on(convocation_id: int | None, day: datetime.date) -> int | None:
    """The council's total composition on ``day``: deputies with a running mandate, and the mayor."""
    if convocation_id is None:
        return None
    deputies = (
        Membership.objects.filter(convocation_id=convocation_id, start_date__lte=day)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=day))
        .values("deputy")
        .distinct()
        .count()
    )
    return deputies + HEAD_OF_COUNCIL if deputies else None


def votes_needed(composition: int, majority: str) -> int:
    """The «for» votes a question needs: more than half, or two thirds, of the total composition."""
    if majority == Majority.TWO_THIRDS:
        return math.ceil(composition * 2 / 3)
    return composition // 2 + 1


@dataclasses.dataclass(frozen=True)
class Outcome:
    counts: dict[str, int]
    composition: int | None
    quorum: bool | None
    adopted: bool | None


def outcome(counts: dict[str, int], composition: int | None, majority: str) -> Outcome:
    """The quorum and the result of a vote with these ballot ``counts`` (choice → number)."""
    if not composition:
        return Outcome(counts, None, None, None)
    registered = sum(n for choice, n in counts.items() if choice != BallotChoice.ABSENT)
    quorum = registered > composition / 2
    adopted = quorum and counts.get(BallotChoice.FOR, 0) >= votes_needed(composition, majority)
    return Outcome(counts, composition, quorum, adopted)


def recount(vote: Vote) -> Outcome:
    """Count ``vote``'s ballots, judge its quorum and result, and store them on the vote."""
    rows = vote.ballots.values("choice").annotate(n=Count("pk")).values_list("choice", "n")
    counts = {choice: 0 for choice in BallotChoice.values} | dict(rows)
    meeting = vote.agenda_item.meeting
    day = timezone.localdate(vote.held_at or meeting.starts_at)  # the day in Kyiv, not in UTC
    result = outcome(counts, composition_on(meeting.convocation_id, day), vote.majority)
    for choice, field in COUNT_FIELDS.items():
        setattr(vote, field, counts[choice])
    vote.composition, vote.quorum, vote.adopted = result.composition, result.quorum, result.adopted
    vote.save(update_fields=[*COUNT_FIELDS.values(), "composition", "quorum", "adopted"])
    return result
