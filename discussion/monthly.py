"""The monthly report's bullet on public discussion (through reports' ``radasite_monthly_counts`` hook)."""

from django.utils.translation import ngettext

from pages.models import ActPage, ActStage, ActType
from reports.monthly import Section

from .models import Comment


def month_counts(first, last) -> tuple[int, int]:
    """Drafts whose discussion ended in the month, and comments received in it (repeats counted once)."""
    drafts = ActPage.objects.live().filter(
        act_type__in=ActType.of_stage(ActStage.DRAFT), discussion_until__gte=first, discussion_until__lte=last
    )
    comments = Comment.objects.filter(created_at__date__gte=first, created_at__date__lte=last)
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
