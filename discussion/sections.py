"""The discussion section of an act's page: registered with ``cms.sections`` by ``wagtail_hooks``.

On a draft: the deadline and working days left, the form while the discussion is open, the published
comments with the replies, and the summary once it has ended. On a decision: the summaries of the
drafts it was adopted from.
"""

from django.template.loader import render_to_string

from pages.models import ActPage

from .forms import CommentForm
from .selectors import public_comments, summaries_for_decision, summary, working_days_left
from .services import discussion_is_open, kyiv_today


def discussion_section(page, request) -> str:
    if not isinstance(page, ActPage):
        return ""
    today = kyiv_today()
    if not page.is_draft:
        summaries = summaries_for_decision(page, today=today)
        if not summaries:
            return ""
        return render_to_string(
            "discussion/decision_section.html", {"page": page, "summaries": summaries}, request=request
        )
    if not page.discussion_until:
        return ""
    is_open = discussion_is_open(page, today=today)
    context = {
        "page": page,
        "is_open": is_open,
        "days_left": working_days_left(page, today=today) if is_open else None,
        "form": CommentForm() if is_open else None,
        "comments": list(public_comments(page)),
        "summary": summary(page, today=today),
    }
    return render_to_string("discussion/draft_section.html", context, request=request)
