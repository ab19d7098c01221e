"""Recounting the votes a change of a deputy's memberships affects (a faction switch entered late).

The composition on a day and each ballot's faction on it come from the memberships, so when a
deputy's memberships change, the votes of their convocations dated on the days where the deputy's
faction (or mandate) differs before and after are recounted (``council.tally.recount_votes``): ending
a membership on 31 May and adding one from 1 June recounts the votes from 1 June only.
"""

import datetime

from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from .models import Deputy, Membership, Vote
from .tally import recount_votes

ONE_DAY = datetime.timedelta(days=1)
#: No membership running on the day (distinct from a membership without a faction, ``None``).
MISSING = object()


def membership_terms(deputy: Deputy) -> set[tuple]:
    """The deputy's memberships as stored: (convocation, faction, start, end)."""
    if deputy.pk is None:
        return set()
    rows = Membership.objects.filter(deputy=deputy)
    return set(rows.values_list("convocation_id", "faction_id", "start_date", "end_date"))


def _local_midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def _faction_on(terms, day):
    """The deputy's (convocation's) faction on ``day`` by these terms; ``MISSING`` without a mandate."""
    running = [term for term in terms if term[2] <= day and (term[3] is None or term[3] >= day)]
    return max(running, key=lambda term: term[2])[1] if running else MISSING


def changed_periods(
    before: set[tuple], after: set[tuple]
) -> list[tuple[int, datetime.date, datetime.date | None]]:
    """The (convocation, first day, last day or None) periods on which the deputy's faction or mandate
    differs between two sets of memberships: only there can a vote's composition or factions change."""
    periods = []
    for convocation_id in {term[0] for term in before ^ after}:
        old = [term for term in before if term[0] == convocation_id]
        new = [term for term in after if term[0] == convocation_id]
        # The state is constant between consecutive boundaries (a start, or the day after an end).
        bounds = sorted(
            {term[2] for term in old + new} | {term[3] + ONE_DAY for term in old + new if term[3] is not None}
        )
        for first, following in zip(bounds, [*bounds[1:], None], strict=True):
            if _faction_on(old, first) == _faction_on(new, first):
                continue
            last = following - ONE_DAY if following else None
            if periods and periods[-1][0] == convocation_id and periods[-1][2] == first - ONE_DAY:
                periods[-1] = (convocation_id, periods[-1][1], last)  # adjacent: one period
            else:
                periods.append((convocation_id, first, last))
    return periods


def recount_after_membership_change(*, deputy: Deputy, before: set[tuple]) -> int:
    """Recount the votes dated where the deputy's faction or mandate differs from ``before``.

    Returns the number of votes recounted (none when the memberships did not change).
    """
    periods = changed_periods(before, membership_terms(deputy))
    if not periods:
        return 0
    within = Q(pk__in=[])
    for convocation_id, start, end in periods:
        period = Q(agenda_item__meeting__convocation=convocation_id, moment__gte=_local_midnight(start))
        if end is not None:
            period &= Q(moment__lt=_local_midnight(end + datetime.timedelta(days=1)))
        within |= period
    votes = Vote.objects.alias(moment=Coalesce("held_at", "agenda_item__meeting__starts_at")).filter(within)
    return recount_votes(votes)
