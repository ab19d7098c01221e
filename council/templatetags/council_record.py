"""Links of a deputy's record: a meeting's public page."""

from django import template

from .. import links

register = template.Library()


@register.simple_tag
def meeting_url(meeting) -> str:
    """The public page of ``meeting``; '' while the site has no meeting pages (the row shows no link)."""
    return links.meeting_url(meeting.pk)
