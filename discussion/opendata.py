"""Open data of the public discussion: the published comments (no e-mail) and the summaries.

Registered with ``reports.opendata`` from ``DiscussionConfig.ready``, so they are served, streamed and
made spreadsheet-safe at ``/opendata/discussion-comments.{csv,json}`` and
``/opendata/discussion-summaries.{csv,json}`` like every other dataset, and listed on /opendata/.
"""

import datetime
from collections.abc import Iterator
from pathlib import Path

from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.bulk import chunked
from pages.models import ActPage, ActStage, ActType
from reports.opendata import (
    CHUNK_SIZE,
    Dataset,
    deleted_at,
    latest_of,
    page_url_builder,
    pages_updated,
    published,
)

from .models import PUBLIC_STATUSES, Comment, CommentOutcome, CommentStatus
from .selectors import SUMMARY_COUNTS
from .services import KYIV, kyiv_today

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"


def _public():
    """Comments published after moderation, on drafts anyone may read (live and not in a private section)."""
    return Comment.objects.filter(status__in=PUBLIC_STATUSES, draft__in=published(ActPage).values("pk"))


def comment_rows() -> Iterator[dict]:
    """Published comments, oldest first: the name the commenter gave, never the e-mail."""
    url = page_url_builder()
    queryset = (
        _public()
        .order_by("pk")
        .values(
            "pk",
            "draft_id",
            "draft__title",
            "draft__url_path",
            "created_at",
            "author_name",
            "text",
            "repeats",
            "status",
            "outcome",
            "reply",
        )
    )
    for row in queryset.iterator(chunk_size=CHUNK_SIZE):
        yield {
            "id": row["pk"],
            "draft_id": row["draft_id"],
            "draft_title": row["draft__title"],
            "draft_url": url(row["draft__url_path"]),
            # The day in Kyiv, as the monthly report counts it: the database hands back UTC.
            "received_on": timezone.localdate(row["created_at"], KYIV),
            "author_name": row["author_name"],
            "text": row["text"],
            "repeats": row["repeats"],
            "status": row["status"],
            "outcome": row["outcome"] or None,
            "reply": row["reply"],
        }


def _ended_drafts():
    return published(ActPage).filter(
        act_type__in=ActType.of_stage(ActStage.DRAFT), discussion_until__lt=kyiv_today()
    )


def summary_rows() -> Iterator[dict]:
    """One row per live draft whose discussion has ended, with the counts of its comments' outcomes."""
    url = page_url_builder()
    queryset = (
        _ended_drafts()
        .order_by("pk")
        .values("pk", "url_path", "title", "act_type", "discussion_until", "adopted_as_id")
    )
    for chunk in chunked(queryset.iterator(chunk_size=CHUNK_SIZE), CHUNK_SIZE):
        counts = {
            row.pop("draft"): row
            for row in Comment.objects.filter(draft__in=[draft["pk"] for draft in chunk])
            .values("draft")
            .annotate(**SUMMARY_COUNTS)
            .order_by()
        }
        for draft in chunk:
            found = counts.get(draft["pk"], {})
            yield {
                "draft_id": draft["pk"],
                "draft_url": url(draft["url_path"]),
                "draft_title": draft["title"],
                "act_type": draft["act_type"],
                "discussion_until": draft["discussion_until"],
                "adopted_as_id": draft["adopted_as_id"],
                **{name: found.get(name, 0) for name in SUMMARY_COUNTS},
            }


def comments_updated() -> datetime.datetime | None:
    """The comments' last change: a comment published, answered or withdrawn from the site (its
    ``moderated_at``; it was received earlier), deleted, or its draft published, removed or moved."""
    on_public_drafts = Comment.objects.filter(draft__in=published(ActPage).values("pk"))
    moments = on_public_drafts.aggregate(moderated=Max("moderated_at"))
    received = _public().aggregate(received=Max("created_at"))["received"]
    return latest_of(moments["moderated"], received, deleted_at(Comment), pages_updated(ActPage))


def summaries_updated() -> datetime.datetime | None:
    """The summaries' last change: a comment on an ended draft received or moderated, a draft published,
    removed or moved, or the latest discussion ending (its row appears at midnight in Kyiv, unsaved)."""
    ended = _ended_drafts()
    moments = Comment.objects.filter(draft__in=ended.values("pk")).aggregate(
        received=Max("created_at"), moderated=Max("moderated_at")
    )
    last_day = ended.aggregate(last=Max("discussion_until"))["last"]
    ended_at = None
    if last_day is not None:
        ended_at = datetime.datetime.combine(last_day + datetime.timedelta(days=1), datetime.time(), KYIV)
    return latest_of(
        moments["received"], moments["moderated"], deleted_at(Comment), pages_updated(ActPage), ended_at
    )


DATASETS = [
    Dataset(
        "discussion-comments",
        _(
            "Comments of citizens on draft acts under public discussion, as published after moderation, "
            "with the council's replies and the outcome. E-mail addresses are not published."
        ),
        comment_rows,
        lambda: _public().count(),
        comments_updated,
        {"status": CommentStatus, "outcome": CommentOutcome},
        schema_dir=SCHEMA_DIR,
    ),
    Dataset(
        "discussion-summaries",
        _(
            "Results of the public discussions of draft acts that have ended: comments received, taken "
            "into account, partly taken into account, rejected."
        ),
        summary_rows,
        lambda: _ended_drafts().count(),
        summaries_updated,
        {"act_type": ActType},
        schema_dir=SCHEMA_DIR,
    ),
]
