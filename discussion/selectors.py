"""Reads: the public comments of a draft, its discussion summary, the days left to comment."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q

from reports.deadlines import default_calendar

from .models import PUBLIC_STATUSES, Comment, CommentOutcome, CommentStatus
from .services import discussion_has_ended, kyiv_today


def public_comments(draft):
    """Approved and answered comments of ``draft``, oldest first; the e-mail is never read."""
    return (
        Comment.objects.filter(draft=draft, status__in=PUBLIC_STATUSES)
        .only(
            "pk", "author_name", "text", "reply", "outcome", "status", "repeats", "created_at", "attachment"
        )
        .order_by("created_at", "pk")
    )


def working_days_left(draft, *, today: datetime.date | None = None) -> int | None:
    """Working days (Ukrainian calendar, by the deadline engine) left, today and the last day included."""
    if not draft.discussion_until:
        return None
    today = today or kyiv_today()
    if today > draft.discussion_until:
        return 0
    cal = default_calendar()
    # count_between counts the days after ``today``: today counts too if it is a working day.
    return cal.count_between(today, draft.discussion_until) + (1 if cal.is_working_day(today) else 0)


@dataclass
class Summary:
    """The outcome of a finished discussion, computed from its comments' outcomes."""

    draft: object
    received: int = 0
    taken: int = 0
    partly: int = 0
    rejected: int = 0
    pending: int = 0
    answered: list = field(default_factory=list)


SUMMARY_COUNTS = {
    "received": Count("pk"),
    "taken": Count("pk", filter=Q(status=CommentStatus.ANSWERED, outcome=CommentOutcome.TAKEN)),
    "partly": Count("pk", filter=Q(status=CommentStatus.ANSWERED, outcome=CommentOutcome.PARTLY)),
    # Rejected in moderation, or answered and not taken into account.
    "rejected": Count(
        "pk",
        filter=Q(status=CommentStatus.REJECTED)
        | Q(status=CommentStatus.ANSWERED, outcome=CommentOutcome.NOT_TAKEN),
    ),
    "pending": Count("pk", filter=Q(status__in=[CommentStatus.PENDING, CommentStatus.APPROVED])),
}


def summary(draft, *, today: datetime.date | None = None) -> Summary | None:
    """The summary of ``draft``'s discussion after its deadline (None before, or if none was held)."""
    if not discussion_has_ended(draft, today=today):
        return None
    counts = Comment.objects.filter(draft=draft).aggregate(**SUMMARY_COUNTS)
    answered = public_comments(draft).filter(status=CommentStatus.ANSWERED)
    return Summary(draft=draft, answered=list(answered), **counts)


def summaries_for_decision(decision, *, today: datetime.date | None = None) -> list[Summary]:
    """The summaries of the drafts a decision was adopted from (``ActPage.adopted_as``)."""
    found = []
    for draft in decision.live_drafts:
        result = summary(draft, today=today)
        if result is not None:
            found.append(result)
    return found
