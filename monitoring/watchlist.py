"""Filling the watch list from what the site already knows: the registry's organisations and parties."""

from registry.models import Organization, RegistrationStatus

from .models import WatchEntry, WatchKind

PHRASE_MAX = WatchEntry._meta.get_field("phrase").max_length


def watch_registry_organisations() -> int:
    """Add every registered NGO and party organisation (its short name, else its name) to the watch list.

    Re-runnable: entries already there are left as they are (an editor may have disabled them).
    Returns the number of entries added."""
    added = 0
    organisations = Organization.objects.filter(status=RegistrationStatus.REGISTERED).order_by("pk")
    for organisation in organisations:
        phrase = (organisation.short_name or organisation.name).strip()
        if not phrase or len(phrase) > PHRASE_MAX:
            continue
        _entry, created = WatchEntry.objects.get_or_create(kind=WatchKind.ORGANISATION, phrase=phrase)
        added += created
    return added
