"""The monthly report's bullets on the council (through reports' ``radasite_monthly_counts`` hook).

Meetings held in the month (by their date in Kyiv), by kind; decisions adopted by vote: agenda
items of the month's meetings whose vote «as a whole» was adopted (several votes on one item, as a
basis and as a whole, count as one decision).
"""

from django.db.models import Count
from django.utils.translation import ngettext, ngettext_lazy

from reports.monthly import Section

from .kinds import MeetingKind, MeetingStatus, Question
from .models import AgendaItem, Meeting

#: What the report says of each kind of meeting held (MeetingKind).
MEETING_PHRASES = {
    MeetingKind.PLENARY: ngettext_lazy("%(count)d council session", "%(count)d council sessions", "count"),
    MeetingKind.EXECUTIVE: ngettext_lazy(
        "%(count)d meeting of the executive committee",
        "%(count)d meetings of the executive committee",
        "count",
    ),
    MeetingKind.COMMISSION: ngettext_lazy(
        "%(count)d meeting of a standing commission", "%(count)d meetings of standing commissions", "count"
    ),
}


def month_counts(first, last) -> tuple[dict[str, int], int]:
    """Meetings held in the month by kind, and decisions adopted by vote at them."""
    held = Meeting.objects.filter(
        status=MeetingStatus.HELD, starts_at__date__gte=first, starts_at__date__lte=last
    )
    by_kind = dict(held.values_list("kind").annotate(n=Count("pk")).order_by())
    decisions = (
        AgendaItem.objects.filter(meeting__in=held, votes__question=Question.WHOLE, votes__adopted=True)
        .distinct()
        .count()
    )
    return {kind: by_kind.get(kind, 0) for kind in MeetingKind.values}, decisions


def monthly_sections(first, last) -> list[Section]:
    """Two bullets when the council's bodies met in the month; none otherwise."""
    meetings, decisions = month_counts(first, last)
    total = sum(meetings.values())
    if not total:
        return []
    return [
        Section(
            ngettext(
                "Held %(count)d meeting of the council and its bodies",
                "Held %(count)d meetings of the council and its bodies",
                total,
            )
            % {"count": total},
            [MEETING_PHRASES[kind] % {"count": n} for kind, n in meetings.items() if n],
        ),
        Section(
            ngettext(
                "Adopted %(count)d decision by roll-call vote",
                "Adopted %(count)d decisions by roll-call vote",
                decisions,
            )
            % {"count": decisions}
        ),
    ]
