"""A watch-list entry's registry organisation in the digest and the note: its record's address."""

from django import template
from django.conf import settings

from ..watchlist import registry_admin_url

register = template.Library()


@register.filter
def registry_url(organisation) -> str:
    """The organisation's record in the registry's admin (a path); empty for no organisation."""
    return registry_admin_url(organisation) if organisation is not None else ""


@register.filter
def registry_absolute_url(organisation) -> str:
    """The same record as a full address (``WAGTAILADMIN_BASE_URL``), for the e-mailed digest."""
    path = registry_url(organisation)
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path if path else ""
