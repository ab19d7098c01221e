"""The public side: a comment posted to a draft, a published comment's attachment.

The form may come from a cached page; whether the draft still takes comments is decided here, on
every POST (``services.discussion_is_open``). A refused POST says why, in Ukrainian, with a link back.
"""

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pages.models import ActPage

from .files import CONTENT_TYPES, EXTENSIONS
from .forms import CommentForm
from .models import PUBLIC_STATUSES, Comment
from .services import discussion_is_open, submit_comment

DEFAULT_RATE_LIMIT = 5
RATE_WINDOW = 60 * 60


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR") or "unknown"


def _rate_key(request) -> str:
    return f"discussion:comments:{client_ip(request)}"


def rate_limited(request) -> bool:
    """Whether this client has sent its quota of comments in the last hour (counted in the cache)."""
    limit = int(getattr(settings, "DISCUSSION_RATE_LIMIT", DEFAULT_RATE_LIMIT))
    return (cache.get(_rate_key(request)) or 0) >= limit


def count_attempt(request):
    key = _rate_key(request)
    if cache.add(key, 1, RATE_WINDOW):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, RATE_WINDOW)


def _visible(request, page) -> bool:
    """Whether the request may see ``page`` as Wagtail serves it: a draft behind a login, a group or a
    password (on it or on its section) takes comments, and shows their files, only to those it lets in."""
    return all(restriction.accept_request(request) for restriction in page.get_view_restrictions())


def _refused(request, draft, message, *, status):
    return render(request, "discussion/refused.html", {"draft": draft, "message": message}, status=status)


@require_POST
def post_comment(request, draft_id):
    """Take a comment on an open draft: CSRF (Django's), honeypot, rate limit, file checked by content."""
    draft = get_object_or_404(ActPage.objects.live(), pk=draft_id)
    if not draft.is_draft or not draft.discussion_until or not _visible(request, draft):
        raise Http404("Not a draft under discussion")
    if not discussion_is_open(draft):
        message = _(
            "The public discussion of this draft ended on %(day)s. Comments are no longer accepted."
        ) % {"day": draft.discussion_until.strftime("%d.%m.%Y")}
        return _refused(request, draft, message, status=403)
    if rate_limited(request):
        message = _("You have sent too many comments in the last hour. Please try again later.")
        return _refused(request, draft, message, status=429)
    form = CommentForm(request.POST, request.FILES)
    if form.is_bot:
        # Pretend it worked: a bot that learns nothing does not adapt.
        return render(request, "discussion/sent.html", {"draft": draft, "created": True})
    if not form.is_valid():
        return render(request, "discussion/form_page.html", {"draft": draft, "form": form}, status=400)
    count_attempt(request)
    data = form.cleaned_data
    try:
        _comment, created = submit_comment(
            draft=draft,
            author_name=data["author_name"],
            email=data["email"],
            text=data["text"],
            attachment=data["attachment"],
            attachment_kind=getattr(form, "attachment_kind", ""),
        )
    except ValidationError as error:
        return _refused(request, draft, " ".join(error.messages), status=403)
    return render(request, "discussion/sent.html", {"draft": draft, "created": created})


def file_response(comment: Comment):
    if not comment.attachment:
        raise Http404("No attachment")
    try:
        handle = comment.attachment.open("rb")
    except FileNotFoundError:
        raise Http404("Attachment missing") from None
    filename = f"comment-{comment.pk}.{EXTENSIONS.get(comment.attachment_kind, 'bin')}"
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=filename,
        content_type=CONTENT_TYPES.get(comment.attachment_kind, "application/octet-stream"),
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def public_attachment(request, comment_id):
    """The attachment of a published comment; pending and rejected ones stay private (404)."""
    comment = get_object_or_404(
        Comment.objects.filter(status__in=PUBLIC_STATUSES, draft__live=True).select_related("draft"),
        pk=comment_id,
    )
    if not _visible(request, comment.draft):
        raise Http404("The draft is not public")
    return file_response(comment)
