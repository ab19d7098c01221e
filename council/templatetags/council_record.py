"""Links of a deputy's record: a meeting's public page."""

import functools

from django import template
from django.urls import NoReverseMatch, get_urlconf, reverse

register = template.Library()
MEETING_PAGE = "council:meeting_detail"


@functools.cache
def _has_meeting_pages(urlconf) -> bool:
    """Whether the site has public meeting pages (asked once per URLconf: a failed reverse is slow)."""
    try:
        reverse(MEETING_PAGE, args=[1], urlconf=urlconf)
    except NoReverseMatch:
        return False
    return True


@register.simple_tag
def meeting_url(meeting) -> str:
    """The public page of ``meeting``; '' while the site has no meeting pages (the row shows no link)."""
    if not _has_meeting_pages(get_urlconf()):
        return ""
    return reverse(MEETING_PAGE, args=[meeting.pk])
