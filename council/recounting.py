"""Recounting the votes a change of a deputy's memberships affects (a faction switch entered late).

The composition on a day and each ballot's faction on it come from the memberships, so when a
deputy's memberships change, the votes of their convocations dated within the periods of the
memberships added, removed or changed are recounted (``council.tally.recount_votes``).
"""

import datetime

from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from .models import Deputy, Membership, Vote
from .tally import recount_votes


def membership_terms(deputy: Deputy) -> set[tuple]:
    """The deputy's memberships as stored: (convocation, faction, start, end)."""
    if deputy.pk is None:
        return set()
    rows = Membership.objects.filter(deputy=deputy)
    return set(rows.values_list("convocation_id", "faction_id", "start_date", "end_date"))


def _local_midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def recount_after_membership_change(*, deputy: Deputy, before: set[tuple]) -> int:
    """Recount the votes within the periods of the memberships that differ from ``before``.

    Returns the number of votes recounted (none when the memberships did not change).
    """
    changed = before ^ membership_terms(deputy)
    if not changed:
        return 0
    within = Q(pk__in=[])
    for convocation_id, _faction, start, end in changed:
        period = Q(agenda_item__meeting__convocation=convocation_id, moment__gte=_local_midnight(start))
        if end is not None:
            period &= Q(moment__lt=_local_midnight(end + datetime.timedelta(days=1)))
        within |= period
    votes = Vote.objects.alias(moment=Coalesce("held_at", "agenda_item__meeting__starts_at")).filter(within)
    return recount_votes(votes)
