"""The monthly report's bullet on public discussion (through reports' ``radasite_monthly_counts`` hook)."""

from django.utils.translation import ngettext

from pages.models import ActPage, ActStage, ActType
from reports.monthly import Section

from .models import Comment


def month_counts(first, last) -> tuple[int, int]:
    """Drafts whose discussion ended in the month, and comments received in it (repeats counted once).

    Only public drafts count, as in the rest of the report (``reports.opendata.published``): a draft
    behind a login, a group or a password was not put out for public discussion.
    """
    public = ActPage.objects.live().public()
    drafts = public.filter(
        act_type__in=ActType.of_stage(ActStage.DRAFT), discussion_until__gte=first, discussion_until__lte=last
    )
    comments = Comment.objects.filter(
        created_at__date__gte=first, created_at__date__lte=last, draft__in=public.values("pk")
    )
    return drafts.count(), comments.count()


def monthly_sections(first, last) -> list[Section]:
    """One bullet when there was any discussion in the month; none otherwise."""
    drafts, comments = month_counts(first, last)
    if not drafts and not comments:
        return []
    return [
        Section(
            ngettext(
                "Held the public discussion of %(count)d draft",
                "Held the public discussion of %(count)d drafts",
                drafts,
            )
            % {"count": drafts},
            [
                ngettext(
                    "%(count)d comment received from citizens",
                    "%(count)d comments received from citizens",
                    comments,
                )
                % {"count": comments}
            ],
        )
    ]
