"""Links of a deputy's record: a meeting's public page."""

from django import template
from django.urls import NoReverseMatch, reverse

register = template.Library()


@register.simple_tag
def meeting_url(meeting) -> str:
    """The public page of ``meeting``; '' while the site has no meeting pages (the row shows no link)."""
    try:
        return reverse("council:meeting_detail", args=[meeting.pk])
    except NoReverseMatch:
        return ""
