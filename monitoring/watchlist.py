"""Filling the watch list from what the site already knows: the registry's organisations and parties,
the council's acting deputies; an organisation entry linked to its record in the registry."""

import re
from collections import defaultdict

from wagtail_modeladmin.helpers import AdminURLHelper

from council.kinds import DeputyStatus
from council.models import Deputy
from registry.models import Organization, OrganizationKind, RegistrationStatus

from .models import WatchEntry, WatchKind

PHRASE_MAX = WatchEntry._meta.get_field("phrase").max_length
#: Quotes and apostrophes of every kind the press and the registry write («», "", „“, ', ʼ, ’).
_QUOTES = str.maketrans("", "", "«»\"„“”‘’'`ʼ")
_QUOTED = re.compile(r"[«\"„“]([^«»\"„“”]+)[»\"“”]")


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


def name_key(text: str) -> str:
    """A name as names are compared: quotes and apostrophes dropped, case folded, spaces collapsed
    («ГО „Ніжинські ініціативи“» and «го «ніжинські  ініціативи»» are one name)."""
    return " ".join(text.translate(_QUOTES).casefold().split())


def quoted_key(text: str) -> str:
    """The key of the name in quotes, if any: «Ніжинські ініціативи» of «Громадська організація
    «Ніжинські ініціативи»» (an editor writes the short form the registry does not hold)."""
    found = _QUOTED.search(text)
    return name_key(found.group(1)) if found else ""


class RegistryNames:
    """The registry's organisations by their normalised names, to link watch-list entries to them.

    A phrase names an organisation when it is, normalised, its full or short name or a phrase the
    watch list makes of it (``organisation_phrases``: «партія «…»», its faction); failing that (only
    when ``quoted``), when the name in quotes of the one matches the other's. A name that fits two
    organisations links neither: the editor chooses."""

    def __init__(self, organisations):
        self.full: dict[str, set[int]] = defaultdict(set)
        self.quoted: dict[str, set[int]] = defaultdict(set)
        for organisation in organisations:
            for text in (organisation.name, organisation.short_name, *organisation_phrases(organisation)):
                if key := name_key(text):
                    self.full[key].add(organisation.pk)
            for text in (organisation.name, organisation.short_name):
                if key := quoted_key(text) or name_key(text):
                    self.quoted[key].add(organisation.pk)

    @classmethod
    def load(cls) -> "RegistryNames":
        return cls(Organization.objects.only("pk", "kind", "name", "short_name", "party", "faction"))

    def find(self, phrase: str, *, quoted: bool = True) -> int | None:
        """The pk of the one organisation ``phrase`` names, or None."""
        found = self.full.get(name_key(phrase), set())
        if not found and quoted:
            found = self.quoted.get(quoted_key(phrase) or name_key(phrase), set())
        return next(iter(found)) if len(found) == 1 else None


def registry_admin_url(organisation: Organization) -> str:
    """The organisation's record in the registry's admin (the inspect view of its kind's list).

    The registry's lists are ``wagtail_modeladmin`` lists of the proxy models of each kind; their
    URL helper is the one place that knows their addresses."""
    model = OrganizationKind(organisation.kind).proxy_model
    return AdminURLHelper(model).get_action_url("inspect", organisation.pk)


def watch_registry_organisations() -> int:
    """Add every registered NGO and party organisation to the watch list (``organisation_phrases``),
    each entry linked to the organisation; link the organisation entries not yet linked whose phrase
    is, normalised, an organisation's name (``RegistryNames``, names in quotes aside).

    Re-runnable: entries already there are left as they are (an editor may have disabled them or
    linked them otherwise). Returns the number of entries added."""
    added = 0
    organisations = Organization.objects.filter(status=RegistrationStatus.REGISTERED).order_by("pk")
    for organisation in organisations:
        for phrase in organisation_phrases(organisation):
            entry, created = WatchEntry.objects.get_or_create(
                kind=WatchKind.ORGANISATION, phrase=phrase, defaults={"organisation": organisation}
            )
            added += created
    names = RegistryNames.load()
    for entry in WatchEntry.objects.filter(kind=WatchKind.ORGANISATION, organisation__isnull=True):
        if (pk := names.find(entry.phrase, quoted=False)) is not None:
            entry.organisation_id = pk
            entry.save(update_fields=["organisation"])
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
