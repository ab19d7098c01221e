"""Writes: deputies created from names, and roll-call names matched to deputies."""

import dataclasses

from django.db import transaction

from cms.text import slugify_uk
from pages.models import ActVote

from .models import Deputy
from .names import match_name, name_key, name_parts


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


def roll_call_names() -> list[str]:
    """The distinct deputy names of all roll-call rows, as written, blanks left out."""
    names = ActVote.objects.values_list("deputy", flat=True).distinct().order_by("deputy")
    return [name for name in names if name.strip()]


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
    """Match every roll-call name to a deputy record; optionally create the missing deputies.

    Only a name written out in full (surname, first name, patronymic) becomes a new deputy, once
    per spelling-insensitive key; the names are then matched again, so «Бойко О.М.» finds the
    «Бойко Олександр Миколайович» just created. Ambiguous and short names are only reported.
    """
    names = roll_call_names()
    report = match_names(names, list(Deputy.objects.all()))
    if not create_missing:
        return report
    created = []
    for name in report.unmatched:
        if is_full_name(name) and name_key(name) not in {name_key(d.full_name) for d in created}:
            created.append(create_deputy(full_name=name))
    report = match_names(names, list(Deputy.objects.all()))
    report.created = created
    return report
