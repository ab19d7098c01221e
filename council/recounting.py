"""Recounting the votes a change of a deputy's memberships or commission seats affects (a faction switch
entered late, a seat in a commission given up).

The council's composition on a day and each ballot's faction on it come from the memberships, and a
standing commission's composition from its seats (``council.tally``). So when a deputy's memberships
change, the votes of their convocations dated on the days where the deputy's faction (or mandate)
differs before and after are recounted (``council.tally.recount_votes``): ending a membership on 31
May and adding one from 1 June recounts the votes from 1 June only. When a deputy's seats change, the
votes of the commission's meetings dated on the days where the deputy sat in it before and not after
(or the reverse) are recounted; a seat's role counts in no composition, so a new role recounts nothing.

Every write of memberships or seats through the model layer recounts them, in the write's transaction:

- a save or delete of one row (the admin, the ORM, a shell) by the model signals (:func:`connect_signals`);
- the bulk writes Django sends no signal for, ``QuerySet.update``, ``bulk_create`` and ``bulk_update``,
  and ``QuerySet.delete`` (its rows' signals join one recount), by the models' ``DatedRowQuerySet``,
  which runs them inside :func:`recount_once` (:func:`_bulk_write`, connected beside the signals).

A raw save (``loaddata``) does not, the fixture carrying its stored tallies. A writer of many rows wraps
them in :func:`recount_once`: the votes are recounted once, at its end, from each deputy's memberships
and seats before the first change and after the last.
"""

import contextlib
import dataclasses
import datetime
import threading

from django.db import models, transaction
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.utils import timezone

from .models import CommissionMembership, Deputy, Meeting, Membership, Vote
from .models.people import BULK_WRITE_HOOKS
from .tally import WRITE_CHUNK, recount_votes

ONE_DAY = datetime.timedelta(days=1)
#: No membership running on the day (distinct from a membership without a faction, ``None``).
MISSING = object()


@dataclasses.dataclass(frozen=True)
class Tracked:
    """A deputy's dated rows whose changes move the votes, read as terms (body, state, start, end).

    ``body`` names the meeting's field the rows belong to (its convocation, its commission); the state
    is what a vote reads of a running row: a membership's faction; a seat has none beyond running or
    not, so its state is its commission again (constant within the commission).
    """

    model: type[models.Model]
    body: str
    fields: tuple[str, str, str, str]


MEMBERSHIPS = Tracked(Membership, "convocation", ("convocation_id", "faction_id", "start_date", "end_date"))
SEATS = Tracked(
    CommissionMembership, "commission", ("commission_id", "commission_id", "start_date", "end_date")
)
TRACKED = {tracked.model: tracked for tracked in (MEMBERSHIPS, SEATS)}
TERM = MEMBERSHIPS.fields


def membership_terms(deputy: Deputy) -> set[tuple]:
    """The deputy's memberships as stored: (convocation, faction, start, end)."""
    if deputy.pk is None:
        return set()
    return terms_of([deputy.pk])[deputy.pk]


def terms_of(deputy_ids, tracked: Tracked = MEMBERSHIPS) -> dict[int, set[tuple]]:
    """Each deputy's memberships (or seats) as stored, by deputy id (an empty set for a deputy without)."""
    deputy_ids = sorted({pk for pk in deputy_ids if pk is not None})
    terms = {pk: set() for pk in deputy_ids}
    for start in range(0, len(deputy_ids), WRITE_CHUNK):
        rows = tracked.model.objects.filter(deputy_id__in=deputy_ids[start : start + WRITE_CHUNK])
        for deputy_id, *term in rows.values_list("deputy_id", *tracked.fields):
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
    differs between two sets of memberships: only there can a vote's composition or factions change.
    (Of seats: the (commission, first day, last day or None) periods where the deputy's seat does.)"""
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


def body_periods(tracked: Tracked, before: set[tuple], after: set[tuple]) -> list[tuple]:
    """``changed_periods`` named by the meeting's field they concern: ((body, id), first, last)."""
    return [((tracked.body, key), first, last) for key, first, last in changed_periods(before, after)]


def merged(periods) -> list[tuple]:
    """``periods`` of several deputies, those of a body (convocation) that overlap or touch joined in one."""
    joined = []
    for key, start, end in sorted(periods, key=lambda period: (period[0], period[1])):
        if joined and joined[-1][0] == key:
            last_end = joined[-1][2]
            if last_end is None or start <= last_end + ONE_DAY:
                keep = None if last_end is None or end is None else max(last_end, end)
                joined[-1] = (key, joined[-1][1], keep)
                continue
        joined.append((key, start, end))
    return joined


def recount_periods(periods) -> int:
    """Recount the votes of each ((body, id), first day, last day or None) period, each vote once: the
    votes of the meetings of that convocation (body ``"convocation"``) or commission (``"commission"``)."""
    periods = merged(periods)
    if not periods:
        return 0
    within = Q(pk__in=[])
    for (body, body_id), start, end in periods:
        period = Q(**{f"agenda_item__meeting__{body}": body_id}, moment__gte=_local_midnight(start))
        if end is not None:
            period &= Q(moment__lt=_local_midnight(end + ONE_DAY))
        within |= period
    votes = Vote.objects.alias(moment=Coalesce("held_at", "agenda_item__meeting__starts_at")).filter(within)
    return recount_votes(votes)


def recount_after_membership_change(*, deputy: Deputy, before: set[tuple]) -> int:
    """Recount the votes dated where the deputy's faction or mandate differs from ``before``.

    Returns the number of votes recounted (none when the memberships did not change).
    """
    return recount_periods(body_periods(MEMBERSHIPS, before, membership_terms(deputy)))


# Memberships and seats saved or deleted one by one, or together inside ``recount_once``.

_state = threading.local()


def _pending() -> dict[Tracked, dict[int, set[tuple]]] | None:
    """The open ``recount_once``'s deputies and their rows (by kind) before its first change, if any."""
    return getattr(_state, "pending", None)


def _keep_before(tracked: Tracked, deputy_ids) -> None:
    """Keep, for the open ``recount_once``, these deputies' rows as they are before its first change
    (one query for the deputies not kept yet, none when all are)."""
    kept = _pending().setdefault(tracked, {})
    kept.update(terms_of(set(deputy_ids) - kept.keys() - {None}, tracked))


@dataclasses.dataclass
class Recounted:
    """What a ``recount_once`` recounted, known at its end."""

    votes: int = 0


@contextlib.contextmanager
def recount_once():
    """Inside, saving or deleting memberships or seats recounts nothing; at the end (in one transaction
    with the changes) the votes where any touched deputy's faction, mandate or seat differs are
    recounted once. Yields a ``Recounted``; nested uses join the outermost one (and yield its
    ``Recounted``)."""
    if _pending() is not None:
        yield _state.recounted
        return
    _state.pending, _state.recounted = {}, Recounted()
    try:
        with transaction.atomic():
            yield _state.recounted
            before, _state.pending = _state.pending, None
            periods = []
            for tracked, deputies in before.items():
                after = terms_of(deputies, tracked)
                for deputy_id, terms in deputies.items():
                    periods += body_periods(tracked, terms, after[deputy_id])
            _state.recounted.votes = recount_periods(periods)
    finally:
        _state.pending = None


@contextlib.contextmanager
def _bulk_write(model, *, rows, deputy_ids):
    """What a bulk write of memberships or seats (``DatedRowQuerySet``) runs in: a ``recount_once``
    that keeps, before the write, the rows of the deputies it touches (those of the ``rows`` it
    changes or deletes, and ``deputy_ids``: those it creates rows for or moves rows to)."""
    with recount_once():
        if rows is not None:
            deputy_ids = deputy_ids | set(rows.values_list("deputy_id", flat=True))
        _keep_before(TRACKED[model], deputy_ids)
        yield


def _stored_row(tracked: Tracked, instance) -> tuple | None:
    """The row as stored before this save or delete: (deputy, *term), None for a new one."""
    if instance.pk is None:
        return None
    return tracked.model.objects.filter(pk=instance.pk).values_list("deputy_id", *tracked.fields).first()


def _before_change(sender, instance, raw=False, **kwargs):
    if raw:
        return
    tracked = TRACKED[sender]
    stored = _stored_row(tracked, instance)
    if _pending() is None:
        instance._stored_term = stored
        return
    _keep_before(tracked, {instance.deputy_id, stored[0] if stored else None})


def _after_change(sender, instance, raw=False, deleted=False, **kwargs):
    if raw or _pending() is not None or not hasattr(instance, "_stored_term"):
        return
    tracked = TRACKED[sender]
    stored = instance.__dict__.pop("_stored_term")
    deputy_ids = {instance.deputy_id, stored[0] if stored else None} - {None}
    rows = tracked.model.objects.filter(deputy_id__in=deputy_ids).values_list(
        "pk", "deputy_id", *tracked.fields
    )
    after, new = {deputy_id: set() for deputy_id in deputy_ids}, None
    for pk, deputy_id, *term in rows:
        after.setdefault(deputy_id, set()).add(tuple(term))
        if pk == instance.pk and not deleted:
            new = (deputy_id, *term)
    periods = []
    for deputy_id, terms in after.items():
        # This change alone, against the deputy's other rows as they are now.
        before = set(terms)
        if new and new[0] == deputy_id:
            before.discard(new[1:])
        if stored and stored[0] == deputy_id:
            before.add(stored[1:])
        periods += body_periods(tracked, before, terms)
    recount_periods(periods)


def _after_delete(sender, instance, **kwargs):
    _after_change(sender, instance, deleted=True)


#: What a meeting's votes are judged by: whose composition (its kind, commission, convocation) and on
#: which day (its start, for a vote without a time of its own; ``council.tally``).
JUDGED_BY = ("kind", "commission_id", "convocation_id", "starts_at")


def _meeting_before_save(sender, instance, raw=False, **kwargs):
    stored = None
    if not raw and instance.pk is not None:
        stored = Meeting.objects.filter(pk=instance.pk).values_list(*JUDGED_BY).first()
    instance._judged_by_before = stored


def _meeting_saved(sender, instance, created=False, raw=False, **kwargs):
    """A meeting's kind, commission, convocation or date corrected: its votes are judged again (a
    correction of its title, place or protocol recounts nothing)."""
    stored = getattr(instance, "_judged_by_before", None)
    if raw or created or stored is None:
        return
    if stored != tuple(getattr(instance, field) for field in JUDGED_BY):
        recount_votes(Vote.objects.filter(agenda_item__meeting=instance))


def connect_signals() -> None:
    """Recount the votes a membership's or seat's save, delete or bulk write affects (see the module's
    docstring), and a meeting's votes when what they are judged by changes."""
    pre_save.connect(_meeting_before_save, sender=Meeting, dispatch_uid="council_meeting_before_save")
    post_save.connect(_meeting_saved, sender=Meeting, dispatch_uid="council_meeting_saved")
    for model, name in ((Membership, "membership"), (CommissionMembership, "seat")):
        pre_save.connect(_before_change, sender=model, dispatch_uid=f"council_{name}_before_save")
        post_save.connect(_after_change, sender=model, dispatch_uid=f"council_{name}_saved")
        pre_delete.connect(_before_change, sender=model, dispatch_uid=f"council_{name}_before_delete")
        post_delete.connect(_after_delete, sender=model, dispatch_uid=f"council_{name}_deleted")
        BULK_WRITE_HOOKS[model] = _bulk_write
