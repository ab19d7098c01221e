"""Filling the watch list from what the site already knows: the registry's organisations and parties,
the council's acting deputies."""

from council.kinds import DeputyStatus
from council.models import Deputy
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


def watch_deputies() -> int:
    """Add every acting deputy of the council to the watch list by full name, linked to the deputy.

    Re-runnable: a deputy already watched (by link, or by the same full name) is left as it is, so an
    editor's corrected phrase or a disabled entry stays. Returns the number of entries added."""
    added = 0
    watched = set(WatchEntry.objects.filter(deputy__isnull=False).values_list("deputy", flat=True))
    for deputy in Deputy.objects.filter(status=DeputyStatus.ACTING).exclude(pk__in=watched).order_by("pk"):
        phrase = " ".join(deputy.full_name.split())
        if len(phrase.split()) < 2 or len(phrase) > PHRASE_MAX:
            continue
        entry, created = WatchEntry.objects.get_or_create(
            kind=WatchKind.DEPUTY, phrase=phrase, defaults={"deputy": deputy}
        )
        if not created and entry.deputy_id is None:
            entry.deputy = deputy
            entry.save(update_fields=["deputy"])
        added += created
    return added
