"""Writes: deputies created from names, and the ballots' recorded names linked to deputies."""

import dataclasses

from django.db import transaction
from django.db.models import Min

from cms.text import slugify_uk

from .models import Ballot, Deputy, Vote
from .names import match_name, name_key, name_parts
from .tally import recount


def unique_slug(full_name: str) -> str:
    """The transliterated name, with -2, -3... when another deputy has it already."""
    base = slugify_uk(full_name, max_length=240) or "deputat"
    slug, number = base, 1
    while Deputy.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def create_deputy(*, full_name: str) -> Deputy:
    """A new acting deputy named ``full_name`` (spaces collapsed), validated before it is saved."""
    deputy = Deputy(full_name=" ".join(full_name.split()))
    deputy.slug = unique_slug(deputy.full_name)
    deputy.full_clean()
    deputy.save()
    return deputy


def is_full_name(name: str) -> bool:
    """Surname, first name and patronymic written out: only such a name may become a deputy."""
    parts = name_parts(name)
    return len(parts) >= 3 and all(len(part) > 1 for part in parts)


@dataclasses.dataclass
class LinkReport:
    """What matching the roll-call names found: each distinct name goes to exactly one list."""

    matched: dict[str, Deputy] = dataclasses.field(default_factory=dict)
    ambiguous: dict[str, list[Deputy]] = dataclasses.field(default_factory=dict)
    unmatched: list[str] = dataclasses.field(default_factory=list)
    created: list[Deputy] = dataclasses.field(default_factory=list)
    #: Ballots given their deputy, and the votes recounted.
    linked: int = 0
    recounted: int = 0


def unlinked_ballots():
    return Ballot.objects.filter(deputy__isnull=True)


def roll_call_names() -> list[str]:
    """The distinct recorded names of the ballots not linked to a deputy, blanks left out."""
    names = unlinked_ballots().values_list("recorded_name", flat=True).distinct().order_by("recorded_name")
    return [name for name in names if name.strip()]


def link_ballots(matched: dict[str, Deputy]) -> tuple[int, set[int]]:
    """Give the unlinked ballots of each matched name their deputy, in bulk; (ballots linked, votes touched).

    A vote in which the deputy already has a ballot keeps the other one unlinked (a deputy votes
    once), and of several unlinked ballots of one deputy in one vote only the first is linked.
    """
    names_of: dict[Deputy, list[str]] = {}
    for name, deputy in matched.items():
        names_of.setdefault(deputy, []).append(name)
    linked, touched = 0, set()
    for deputy, names in names_of.items():
        first_per_vote = (
            unlinked_ballots()
            .filter(recorded_name__in=names)
            .exclude(vote__in=Ballot.objects.filter(deputy=deputy).values("vote"))
            .values("vote")
            .annotate(first=Min("pk"))
        )
        rows = list(first_per_vote.values_list("first", "vote"))
        linked += Ballot.objects.filter(pk__in=[pk for pk, _vote in rows]).update(deputy=deputy)
        touched.update(vote for _pk, vote in rows)
    return linked, touched


def match_names(names: list[str], deputies: list[Deputy]) -> LinkReport:
    """Each name matched against ``deputies`` by the normaliser: one deputy, several, or none."""
    report = LinkReport()
    candidates = [(deputy.full_name, deputy) for deputy in deputies]
    for name in names:
        deputy, ambiguous = match_name(name, candidates)
        if deputy is not None:
            report.matched[name] = deputy
        elif ambiguous:
            report.ambiguous[name] = ambiguous
        else:
            report.unmatched.append(name)
    return report


@transaction.atomic
def link_deputies(*, create_missing: bool = False) -> LinkReport:
    """Link every ballot without a deputy by its recorded name; optionally create the missing deputies.

    Only a name written out in full (surname, first name, patronymic) becomes a new deputy, once
    per spelling-insensitive key; the names are then matched again, so «Бойко О.М.» finds the
    «Бойко Олександр Миколайович» just created. Ambiguous and short names are only reported.
    The votes whose ballots were linked are recounted (``council.tally.recount``).
    """
    names = roll_call_names()
    report = match_names(names, list(Deputy.objects.all()))
    if create_missing:
        created = []
        for name in report.unmatched:
            if is_full_name(name) and name_key(name) not in {name_key(d.full_name) for d in created}:
                created.append(create_deputy(full_name=name))
        report = match_names(names, list(Deputy.objects.all()))
        report.created = created
    report.linked, touched = link_ballots(report.matched)
    for vote in Vote.objects.filter(pk__in=touched).select_related("agenda_item__meeting"):
        recount(vote)
    report.recounted = len(touched)
    return report
