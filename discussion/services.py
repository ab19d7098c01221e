"""Writes: a comment received, moderated, answered; the e-mails that tell people what happened.

Whether a draft still takes comments is decided here, on the server, from the date in Kyiv: a cached
page may still show the form after the deadline, but the POST is checked again.
"""

import datetime
import logging

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cms.cache_purge import purge_page
from cms.dates import KYIV

from .files import EXTENSIONS
from .models import Comment, CommentOutcome, CommentStatus
from .text import text_key

logger = logging.getLogger(__name__)
SECRETARIAT_GROUP = "Секретаріат ради"
#: The moderation screen of a comment (``discussion.admin.comment_viewset``).
ADMIN_EDIT_URL = "discussion_comments:edit"


def kyiv_today() -> datetime.date:
    """Today's date in Kyiv, whatever the server's or the settings' time zone."""
    return timezone.now().astimezone(KYIV).date()


def discussion_is_open(draft, *, today: datetime.date | None = None) -> bool:
    """Whether ``draft`` takes comments now: a live draft whose discussion has not ended in Kyiv."""
    return bool(
        getattr(draft, "is_draft", False)
        and draft.live
        and draft.is_open_for_discussion(today=today or kyiv_today())
    )


def discussion_has_ended(draft, *, today: datetime.date | None = None) -> bool:
    return bool(draft.discussion_until and (today or kyiv_today()) > draft.discussion_until)


def submit_comment(
    *, draft, author_name, email, text, attachment=None, attachment_kind=""
) -> tuple[Comment, bool]:
    """Store a comment on ``draft``, or count it again if the same (normalised) text was sent before.

    Returns ``(comment, created)``. The secretariat is told of a new comment, not of a repeat.
    """
    if not discussion_is_open(draft):
        raise ValidationError(
            _("The public discussion of this draft has ended; comments are no longer accepted.")
        )
    key = text_key(text)
    comment = Comment(
        draft=draft,
        author_name=author_name,
        email=email,
        text=text,
        text_key=key,
        consent_given_at=timezone.now(),
    )
    if attachment is not None:
        comment.attachment_kind = attachment_kind
        attachment.name = f"comment.{EXTENSIONS[attachment_kind]}"
        comment.attachment = attachment
    try:
        with transaction.atomic():
            comment.save()
    except IntegrityError:
        if comment.attachment:
            comment.attachment.delete(save=False)
        Comment.objects.filter(draft=draft, text_key=key).update(repeats=F("repeats") + 1)
        return Comment.objects.get(draft=draft, text_key=key), False
    notify_secretariat(comment=comment)
    return comment, True


def secretariat_emails() -> list[str]:
    """``settings.DISCUSSION_NOTIFY_EMAILS`` and the active members of the «Секретаріат ради» group."""
    emails = list(getattr(settings, "DISCUSSION_NOTIFY_EMAILS", []))
    group = Group.objects.filter(name=SECRETARIAT_GROUP).first()
    if group is not None:
        emails += [
            email for email in group.user_set.filter(is_active=True).values_list("email", flat=True) if email
        ]
    return sorted(set(emails))


def _send(*, subject, template, context, to):
    with translation.override("uk"):
        body = render_to_string(template, context)
    try:
        send_mail(subject, body, None, to, fail_silently=False)
    except Exception:
        # A mail server that is down must not lose the comment or the moderator's decision.
        logger.exception("discussion: could not send %r to %s", subject, to)


def notify_secretariat(*, comment: Comment):
    recipients = secretariat_emails()
    if not recipients:
        return
    with translation.override("uk"):
        subject = _("New comment on the draft «%(title)s»") % {"title": comment.draft.title}
    _send(
        subject=subject,
        template="discussion/email/new_comment.txt",
        context={
            "comment": comment,
            "admin_url": settings.WAGTAILADMIN_BASE_URL + reverse(ADMIN_EDIT_URL, args=[comment.pk]),
        },
        to=recipients,
    )


def notify_author(*, comment: Comment):
    """Tell the commenter what became of the comment (approved, rejected with the reason, answered)."""
    with translation.override("uk"):
        subject = _("Your comment on the draft «%(title)s»") % {"title": comment.draft.title}
    _send(
        subject=subject,
        template="discussion/email/outcome.txt",
        context={"comment": comment},
        to=[comment.email],
    )


def _moderated(comment: Comment, **fields) -> Comment:
    for name, value in fields.items():
        setattr(comment, name, value)
    comment.moderated_at = timezone.now()
    comment.full_clean()
    comment.save()
    purge_pages_showing(comment)
    notify_author(comment=comment)
    return comment


def purge_pages_showing(comment: Comment):
    """Drop the cached pages that show the comment or its draft's summary: the draft and its decision.

    A moderator's decision must show at the next request; answers often come after the deadline, when
    the draft's page no longer has the form and is stored in the page cache."""
    draft = comment.draft
    purge_page(page=draft)
    if draft.adopted_as_id:
        purge_page(page=draft.adopted_as)


def approve_comment(*, comment: Comment) -> Comment:
    """Publish the comment on the draft (without the e-mail)."""
    return _moderated(comment, status=CommentStatus.APPROVED, rejection_reason="")


def reject_comment(*, comment: Comment, reason: str) -> Comment:
    """Keep the comment off the site; the reason goes to the commenter and counts in the summary."""
    if not reason.strip():
        raise ValidationError({"rejection_reason": _("Give the reason for rejecting the comment.")})
    return _moderated(comment, status=CommentStatus.REJECTED, rejection_reason=reason.strip())


def answer_comment(*, comment: Comment, reply: str, outcome: str) -> Comment:
    """Publish the comment with the council's reply and what was made of the proposal."""
    if not reply.strip():
        raise ValidationError({"reply": _("Write the council's reply.")})
    if outcome not in CommentOutcome.values:
        raise ValidationError({"outcome": _("Choose whether the proposal was taken into account.")})
    return _moderated(
        comment, status=CommentStatus.ANSWERED, reply=reply.strip(), outcome=outcome, rejection_reason=""
    )
