"""Recounting the votes a change of a deputy's memberships affects (a faction switch entered late).

The composition on a day and each ballot's faction on it come from the memberships, so when a
deputy's memberships change, the votes of their convocations dated on the days where the deputy's
faction (or mandate) differs before and after are recounted (``council.tally.recount_votes``): ending
a membership on 31 May and adding one from 1 June recounts the votes from 1 June only.

Every save or delete of a ``Membership`` through the model layer (the admin, the ORM, a shell, an
import) recounts them, in the save's transaction (:func:`connect_signals`); a raw save (``loaddata``)
does not, the fixture carrying its stored tallies. A writer of many memberships wraps them in
:func:`recount_once`: the votes are recounted once, at its end, from each deputy's memberships before
the first change and after the last. ``QuerySet.update`` and ``bulk_create`` send no signal: their
callers recount (``recount_votes``).
"""

import contextlib
import dataclasses
import datetime
import threading

from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.utils import timezone

from .models import Deputy, Membership, Vote
from .tally import WRITE_CHUNK, recount_votes

ONE_DAY = datetime.timedelta(days=1)
#: No membership running on the day (distinct from a membership without a faction, ``None``).
MISSING = object()
TERM = ("convocation_id", "faction_id", "start_date", "end_date")


def membership_terms(deputy: Deputy) -> set[tuple]:
    """The deputy's memberships as stored: (convocation, faction, start, end)."""
    if deputy.pk is None:
        return set()
    return terms_of([deputy.pk])[deputy.pk]


def terms_of(deputy_ids) -> dict[int, set[tuple]]:
    """Each deputy's memberships as stored, by deputy id (an empty set for a deputy without any)."""
    deputy_ids = sorted({pk for pk in deputy_ids if pk is not None})
    terms = {pk: set() for pk in deputy_ids}
    for start in range(0, len(deputy_ids), WRITE_CHUNK):
        rows = Membership.objects.filter(deputy_id__in=deputy_ids[start : start + WRITE_CHUNK])
        for deputy_id, *term in rows.values_list("deputy_id", *TERM):
            terms[deputy_id].add(tuple(term))
    return terms


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
    for convocation_id in sorted({term[0] for term in before ^ after}):
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


def merged(periods) -> list[tuple[int, datetime.date, datetime.date | None]]:
    """``periods`` of several deputies, those of a convocation that overlap or touch joined in one."""
    joined = []
    for convocation_id, start, end in sorted(periods, key=lambda period: (period[0], period[1])):
        if joined and joined[-1][0] == convocation_id:
            last_end = joined[-1][2]
            if last_end is None or start <= last_end + ONE_DAY:
                keep = None if last_end is None or end is None else max(last_end, end)
                joined[-1] = (convocation_id, joined[-1][1], keep)
                continue
        joined.append((convocation_id, start, end))
    return joined


def recount_periods(periods) -> int:
    """Recount the votes of each (convocation, first day, last day or None) period, each vote once."""
    periods = merged(periods)
    if not periods:
        return 0
    within = Q(pk__in=[])
    for convocation_id, start, end in periods:
        period = Q(agenda_item__meeting__convocation=convocation_id, moment__gte=_local_midnight(start))
        if end is not None:
            period &= Q(moment__lt=_local_midnight(end + ONE_DAY))
        within |= period
    votes = Vote.objects.alias(moment=Coalesce("held_at", "agenda_item__meeting__starts_at")).filter(within)
    return recount_votes(votes)


def recount_after_membership_change(*, deputy: Deputy, before: set[tuple]) -> int:
    """Recount the votes dated where the deputy's faction or mandate differs from ``before``.

    Returns the number of votes recounted (none when the memberships did not change).
    """
    return recount_periods(changed_periods(before, membership_terms(deputy)))


# Memberships saved or deleted one by one, or together inside ``recount_once``.

_state = threading.local()


def _pending() -> dict[int, set[tuple]] | None:
    """The open ``recount_once``'s deputies and their memberships before its first change, if any."""
    return getattr(_state, "pending", None)


@dataclasses.dataclass
class Recounted:
    """What a ``recount_once`` recounted, known at its end."""

    votes: int = 0


@contextlib.contextmanager
def recount_once():
    """Inside, saving or deleting memberships recounts nothing; at the end (in one transaction with
    the changes) the votes where any touched deputy's faction or mandate differs are recounted once.
    Yields a ``Recounted``; nested uses join the outermost one (and yield its ``Recounted``)."""
    if _pending() is not None:
        yield _state.recounted
        return
    _state.pending, _state.recounted = {}, Recounted()
    try:
        with transaction.atomic():
            yield _state.recounted
            before, _state.pending = _state.pending, None
            after = terms_of(before)
            _state.recounted.votes = recount_periods(
                period
                for deputy_id, terms in before.items()
                for period in changed_periods(terms, after[deputy_id])
            )
    finally:
        _state.pending = None


def _stored_row(instance: Membership) -> tuple | None:
    """The membership as stored before this save or delete: (deputy, *term), None for a new one."""
    if instance.pk is None:
        return None
    return Membership.objects.filter(pk=instance.pk).values_list("deputy_id", *TERM).first()


def _before_change(sender, instance, raw=False, **kwargs):
    if raw:
        return
    stored = _stored_row(instance)
    pending = _pending()
    if pending is None:
        instance._stored_term = stored
        return
    touched = {instance.deputy_id, stored[0] if stored else None} - {None} - pending.keys()
    pending.update(terms_of(touched))


def _after_change(sender, instance, raw=False, deleted=False, **kwargs):
    if raw or _pending() is not None or not hasattr(instance, "_stored_term"):
        return
    stored = instance.__dict__.pop("_stored_term")
    deputy_ids = {instance.deputy_id, stored[0] if stored else None} - {None}
    rows = Membership.objects.filter(deputy_id__in=deputy_ids).values_list("pk", "deputy_id", *TERM)
    after, new = {deputy_id: set() for deputy_id in deputy_ids}, None
    for pk, deputy_id, *term in rows:
        after.setdefault(deputy_id, set()).add(tuple(term))
        if pk == instance.pk and not deleted:
            new = (deputy_id, *term)
    periods = []
    for deputy_id, terms in after.items():
        # This change alone, against the deputy's other memberships as they are now.
        before = set(terms)
        if new and new[0] == deputy_id:
            before.discard(new[1:])
        if stored and stored[0] == deputy_id:
            before.add(stored[1:])
        periods += changed_periods(before, terms)
    recount_periods(periods)


def _after_delete(sender, instance, **kwargs):
    _after_change(sender, instance, deleted=True)


def connect_signals() -> None:
    """Recount the votes a membership's save or delete affects (see the module's docstring)."""
    pre_save.connect(_before_change, sender=Membership, dispatch_uid="council_membership_before_save")
    post_save.connect(_after_change, sender=Membership, dispatch_uid="council_membership_saved")
    pre_delete.connect(_before_change, sender=Membership, dispatch_uid="council_membership_before_delete")
    post_delete.connect(_after_delete, sender=Membership, dispatch_uid="council_membership_deleted")
