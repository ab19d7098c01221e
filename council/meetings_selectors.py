"""Reads for the public meeting pages: the calendar of coming meetings, the archive, one meeting, the feed.

A postponed meeting is placed at its new date where it has one (``when``): that is when it will be held.
"""

import datetime

from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce, ExtractYear

from .kinds import MeetingStatus
from .models import AgendaItem, Meeting, Vote

COMING = [MeetingStatus.ANNOUNCED, MeetingStatus.POSTPONED]
#: How far back the iCalendar feed reaches.
FEED_PAST_DAYS = 90


def _listed(meetings: QuerySet) -> QuerySet:
    return meetings.select_related("convocation", "commission").annotate(
        when=Coalesce("postponed_to", "starts_at"), items=Count("agenda_items")
    )


def coming_meetings(*, now: datetime.datetime, kind: str | None = None) -> QuerySet:
    """Announced and postponed meetings from the start of today on, soonest first."""
    meetings = _listed(Meeting.objects.filter(status__in=COMING))
    if kind:
        meetings = meetings.filter(kind=kind)
    today = now.replace(hour=0, minute=0, second=0, microsecond=0)
    return meetings.filter(when__gte=today).order_by("when", "pk")


def held_meetings(*, kind: str | None = None, year: int | None = None) -> QuerySet:
    """Held meetings (of ``kind``, in ``year``), latest first."""
    meetings = _listed(Meeting.objects.filter(status=MeetingStatus.HELD))
    if kind:
        meetings = meetings.filter(kind=kind)
    if year:
        meetings = meetings.filter(starts_at__year=year)
    return meetings.order_by("-starts_at", "-pk")


def archive_years() -> list[int]:
    """The years with held meetings, latest first."""
    return list(
        Meeting.objects.filter(status=MeetingStatus.HELD)
        .annotate(year=ExtractYear("starts_at"))
        .values_list("year", flat=True)
        .distinct()
        .order_by("-year")
    )


def meeting_with_agenda(pk: int) -> Meeting | None:
    """The meeting with its agenda, each item's draft, decision and votes: a fixed number of queries."""
    items = AgendaItem.objects.select_related("draft", "decision").prefetch_related(
        Prefetch("votes", queryset=Vote.objects.order_by("position", "pk"))
    )
    return (
        Meeting.objects.select_related("convocation", "commission", "protocol", "video")
        .prefetch_related(Prefetch("agenda_items", queryset=items))
        .filter(pk=pk)
        .first()
    )


def feed_meetings(*, now: datetime.datetime) -> QuerySet:
    """Meetings for the iCalendar feed: announced, held or postponed, from 90 days ago on.

    A postponed meeting is at its new date, or without one at the date it will not take place on
    (the feed marks it cancelled, so a calendar that has it learns that it is off).
    """
    since = now - datetime.timedelta(days=FEED_PAST_DAYS)
    listed = Q(status__in=[MeetingStatus.ANNOUNCED, MeetingStatus.HELD, MeetingStatus.POSTPONED])
    return (
        Meeting.objects.filter(listed)
        .select_related("convocation", "commission")
        .prefetch_related("agenda_items")
        .annotate(when=Coalesce("postponed_to", "starts_at"))
        .filter(when__gte=since)
        .order_by("when", "pk")
    )
