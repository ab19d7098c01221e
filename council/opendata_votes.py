"""The votes' open dataset: one row per deputy per vote, with the deputy's faction on the day.

A deputy who changes faction has one membership per faction, each with its dates; the faction of a
ballot is the one whose membership covered the day of the vote (its time, or the meeting's start,
in Kyiv time). The memberships are read once, before the ballots: their number grows with the
deputies, never with the ballots, which are streamed in chunks.
"""

import datetime
from collections.abc import Iterator

from django.utils import timezone

from reports import opendata as catalogue

from .kinds import VoteResult
from .models import Ballot, Membership

BALLOT_FIELDS = (
    "pk",
    "vote_id",
    "vote__agenda_item__meeting_id",
    "vote__agenda_item__meeting__starts_at",
    "vote__agenda_item__meeting__convocation_id",
    "vote__agenda_item_id",
    "vote__agenda_item__number",
    "vote__agenda_item__title",
    "vote__question",
    "vote__description",
    "vote__held_at",
    "vote__adopted",
    "deputy_id",
    "deputy__full_name",
    "recorded_name",
    "choice",
)


class FactionCalendar:
    """Every deputy's factions with their dates, to name the faction of a deputy on a day."""

    def __init__(self):
        self.terms: dict[int, list[tuple]] = {}
        rows = Membership.objects.order_by("-start_date", "-pk").values_list(
            "deputy_id", "convocation_id", "start_date", "end_date", "faction__name"
        )
        for deputy_id, convocation_id, start, end, faction in rows:
            self.terms.setdefault(deputy_id, []).append((convocation_id, start, end, faction))

    def faction_on(self, deputy_id: int | None, day: datetime.date, convocation_id: int | None) -> str | None:
        """The faction of the membership running on ``day`` (the meeting's convocation first), or None."""
        running = [
            term
            for term in self.terms.get(deputy_id, ())
            if term[1] <= day and (term[2] is None or term[2] >= day)
        ]
        running.sort(key=lambda term: term[0] != convocation_id)  # stable: latest start first
        return running[0][3] if running else None


def ballot_rows() -> Iterator[dict]:
    """Every ballot by id: meeting, item, question, time, deputy, faction on the day, ballot, result."""
    factions = FactionCalendar()
    queryset = Ballot.objects.order_by("pk").values(*BALLOT_FIELDS)
    for row in queryset.iterator(chunk_size=catalogue.CHUNK_SIZE):
        held_at = row["vote__held_at"]
        day = timezone.localtime(held_at or row["vote__agenda_item__meeting__starts_at"]).date()
        deputy_id = row["deputy_id"]
        yield {
            "id": row["pk"],
            "vote_id": row["vote_id"],
            "meeting_id": row["vote__agenda_item__meeting_id"],
            "agenda_item_id": row["vote__agenda_item_id"],
            "agenda_item_number": row["vote__agenda_item__number"],
            "agenda_item_title": row["vote__agenda_item__title"],
            "question": row["vote__question"],
            "description": row["vote__description"],
            "held_at": held_at,
            "day": day,
            "deputy_id": deputy_id,
            "deputy_name": row["deputy__full_name"] or row["recorded_name"],
            "faction": factions.faction_on(deputy_id, day, row["vote__agenda_item__meeting__convocation_id"]),
            "ballot": row["choice"],
            "result": VoteResult.of(row["vote__adopted"]),
        }
