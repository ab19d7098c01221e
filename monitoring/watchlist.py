"""Filling the watch list from what the site already knows: the registry's organisations and parties,
the council's acting deputies."""

from council.kinds import DeputyStatus
from council.models import Deputy
from registry.models import Organization, OrganizationKind, RegistrationStatus

from .models import WatchEntry, WatchKind

PHRASE_MAX = WatchEntry._meta.get_field("phrase").max_length


def organisation_phrases(organisation: Organization) -> list[str]:
    """How the press names an organisation: its short name; for a party organisation without one,
    «партія «…»» (the official «Ніжинська міська організація партії …» is rarely written out, and the
    bare party name may be a common word: «Батьківщина»); its council faction, if it has one."""
    if organisation.short_name.strip():
        phrases = [organisation.short_name]
    elif organisation.kind == OrganizationKind.PARTY and organisation.party.strip():
        phrases = [f"партія «{organisation.party.strip()}»"]
    else:
        phrases = [organisation.name]
    phrases.append(organisation.faction)
    return [" ".join(phrase.split()) for phrase in phrases if phrase.strip() and len(phrase) <= PHRASE_MAX]


def watch_registry_organisations() -> int:
    """Add every registered NGO and party organisation to the watch list (``organisation_phrases``).

    Re-runnable: entries already there are left as they are (an editor may have disabled them).
    Returns the number of entries added."""
    added = 0
    organisations = Organization.objects.filter(status=RegistrationStatus.REGISTERED).order_by("pk")
    for organisation in organisations:
        for phrase in organisation_phrases(organisation):
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
