"""Each ballot's faction on the day of the vote, and whether it went with the faction's majority.

Pure functions over plain values (no models), shared by ``council.tally`` and the data migration
that fills the stored values in.
"""

import datetime
from collections import Counter, defaultdict
from collections.abc import Iterable

from cms.dates import spans

ABSENT = "absent"


def factions_on(terms: Iterable[tuple], day: datetime.date) -> tuple[dict[int, int | None], int]:
    """The faction of every deputy whose membership runs on ``day``, and how many such deputies.

    ``terms`` are the memberships of the meeting's convocation as (deputy_id, faction_id, start, end),
    oldest start first: of two memberships running that day the later one wins.
    """
    faction_of = {}
    for deputy_id, faction_id, start, end in terms:
        if spans(start, end, day):
            faction_of[deputy_id] = faction_id
    return faction_of, len(faction_of)


def with_faction(cast: list[tuple[int | None, str]]) -> list[bool | None]:
    """For each ballot (faction_id, choice) of one vote: whether its choice is its faction's majority.

    The majority is the most frequent non-absent choice among the faction's ballots in the vote (the
    ballot's own included). None for an absent ballot, a ballot without a faction, or a tie.
    """
    tallies: dict[int, Counter] = defaultdict(Counter)
    for faction_id, choice in cast:
        if faction_id is not None and choice != ABSENT:
            tallies[faction_id][choice] += 1
    majority = {}
    for faction_id, tally in tallies.items():
        ranked = tally.most_common(2)
        majority[faction_id] = None if len(ranked) > 1 and ranked[0][1] == ranked[1][1] else ranked[0][0]
    return [
        None
        if faction_id is None or choice == ABSENT or majority[faction_id] is None
        else choice == majority[faction_id]
        for faction_id, choice in cast
    ]
