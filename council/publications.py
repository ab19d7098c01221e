"""The roll-call votes of acts for the deadline engine (Art. 59): filled into reports' hook.

A vote's day is its time, or its meeting's date when the time was not entered; both days are read
in the council's time zone (Europe/Kyiv), so a result published at 23:30 Kyiv time is on time.
"""

from django.utils import timezone

from cms.dates import KYIV
from reports.roll_calls import VotePublication

from .kinds import MeetingKind
from .models import Vote


def vote_publications(act_ids) -> dict[int, list[VotePublication]]:
    """The council's roll-call votes on the decisions ``act_ids``: {act id: [(day, publication day)]}."""
    rows = Vote.objects.filter(
        agenda_item__decision_id__in=list(act_ids), agenda_item__meeting__kind=MeetingKind.PLENARY
    ).values_list("agenda_item__decision_id", "held_at", "agenda_item__meeting__starts_at", "published_at")
    found: dict[int, list[VotePublication]] = {}
    for act_id, held_at, starts_at, published_at in rows:
        day = timezone.localdate(held_at or starts_at, KYIV)
        published_on = timezone.localdate(published_at, KYIV) if published_at else None
        found.setdefault(act_id, []).append(VotePublication(day, published_on))
    return found
