"""Demo content: 34 deputies in five factions in each of the 7th and 8th convocations (each its own
parties), their commission seats, and (``demo_meetings``) the council's sessions with agendas and
roll-call votes.

Run by ``manage.py load_demo`` through the ``radasite_load_demo`` hook (``pages.demo``); safe to run
again: every record is found by a stable key (a deputy's slug, a convocation's number, a meeting's
kind and number) before it is created, and the random numbers come from fixed seeds.
"""

import datetime
import functools
import json
import random
from pathlib import Path

from cms.text import slugify_uk
from pages.demo.base import SEED, content
from pages.models import CommissionPage
from registry.kinds import OrganizationKind
from registry.models import Organization, RegistrationStatus
from registry.validators import edrpou_check_digit

from .demo_meetings import add_demo_meetings
from .kinds import CommissionRole
from .models import CommissionMembership, Convocation, Deputy, Membership
from .names import match_name
from .recounting import recount_once

DEMO_HOOK = "radasite_load_demo"
CONTENT = Path(__file__).resolve().parent / "demo_content"
#: The 7th convocation (the demo's acts were adopted by it) and the 8th, elected in October 2020.
CONVOCATIONS = {
    7: (datetime.date(2015, 11, 20), datetime.date(2020, 11, 30)),
    8: (datetime.date(2020, 12, 1), None),
}
CONVOCATION_START = CONVOCATIONS[8][0]

#: The demo's party organisations of each convocation, with their seats (34 deputies each): the parties
#: elected to city councils in October 2015 for the 7th, in October 2020 for the 8th. «Батьківщина» sat
#: in both and is one organisation; the others are each convocation's own.
DEMO_FACTIONS = {
    7: [
        (
            "Ніжинська міська організація партії «Блок Петра Порошенка «Солідарність»»",
            "БПП «Солідарність»",
            "4101006",
            10,
        ),
        ("Ніжинська міська організація партії «Батьківщина»", "Батьківщина", "4101003", 7),
        ("Ніжинська міська організація партії «Наш край»", "Наш край", "4101007", 7),
        ("Ніжинська міська організація партії «Опозиційний блок»", "Опозиційний блок", "4101008", 5),
        ("Ніжинська міська організація партії «УКРОП»", "УКРОП", "4101009", 5),
    ],
    8: [
        ("Ніжинська міська організація партії «Слуга народу»", "Слуга народу", "4101001", 11),
        (
            "Ніжинська міська організація партії «Європейська солідарність»",
            "Європейська солідарність",
            "4101002",
            8,
        ),
        ("Ніжинська міська організація партії «Батьківщина»", "Батьківщина", "4101003", 7),
        ("Ніжинська міська організація партії «За майбутнє»", "За майбутнє", "4101004", 5),
        ("Ніжинська міська організація партії «Пропозиція»", "Пропозиція", "4101005", 3),
    ],
}


@functools.cache
def demo_deputy_names() -> list[str]:
    """The demo's 34 deputies: the 15 the demo's acts and commissions name, then 19 more."""
    extra = json.loads((CONTENT / "deputies.json").read_text(encoding="utf-8"))
    return [*content("deputies"), *extra]


def faction_seats(convocation: int) -> list[int]:
    """Each deputy's faction in ``convocation`` (an index into its ``DEMO_FACTIONS``), shuffled with
    the demo's seed and the convocation's number: the elections of 2015 and 2020 seated people apart."""
    seats = [number for number, (*_names, size) in enumerate(DEMO_FACTIONS[convocation]) for _ in range(size)]
    random.Random(f"{SEED}-factions" if convocation == 8 else f"{SEED}-factions-{convocation}").shuffle(seats)
    return seats


def ensure_factions(convocation: int) -> list[Organization]:
    """The convocation's demo party organisations, found by their (valid) EDRPOU codes or created."""
    factions = []
    for name, party, first_seven, _seats in DEMO_FACTIONS[convocation]:
        faction, _created = Organization.objects.get_or_create(
            edrpou=f"{first_seven}{edrpou_check_digit(first_seven)}",
            defaults={
                "kind": OrganizationKind.PARTY,
                "name": name,
                "party": party,
                "faction": f"Фракція «{party}»",
                "status": RegistrationStatus.REGISTERED,
            },
        )
        factions.append(faction)
    return factions


def ensure_deputy(full_name: str, report) -> Deputy:
    """The deputy whose slug is the transliterated ``full_name``, or a new one."""
    deputy, created = Deputy.objects.get_or_create(
        slug=slugify_uk(full_name, max_length=240),
        defaults={
            "full_name": full_name,
            "reception_hours": "Щопонеділка з 10:00 до 12:00, Ніжинська міська рада, кімната 211.",
        },
    )
    if created:
        report.created["депутатів"] += 1
    return deputy


def ensure_convocations(report) -> dict[int, Convocation]:
    convocations = {}
    for number, (start, end) in CONVOCATIONS.items():
        convocation, created = Convocation.objects.get_or_create(
            number=number, defaults={"start_date": start, "end_date": end}
        )
        if created:
            report.created["скликань"] += 1
        convocations[number] = convocation
    return convocations


def ensure_seats(home, deputies: list[Deputy], report) -> None:
    """Each live demo commission's members (its page's list) and five more deputies, with roles."""
    candidates = [(deputy.full_name, deputy) for deputy in deputies]
    named = set(content("deputies"))
    others = [deputy for deputy in deputies if deputy.full_name not in named]
    for number, commission in enumerate(CommissionPage.objects.live().descendant_of(home).order_by("path")):
        members = [match_name(member, candidates)[0] for member in commission.member_list()]
        members = [deputy for deputy in members if deputy is not None]
        members += others[number * 5 : number * 5 + 5]
        roles = [CommissionRole.CHAIR, CommissionRole.DEPUTY_CHAIR, CommissionRole.SECRETARY]
        for position, deputy in enumerate(members):
            role = roles[position] if position < len(roles) else CommissionRole.MEMBER
            _seat, created = CommissionMembership.objects.get_or_create(
                deputy=deputy,
                commission=commission,
                defaults={"role": role, "start_date": CONVOCATION_START},
            )
            if created:
                report.created["місць у комісіях"] += 1


def ensure_memberships(convocation: Convocation, deputies: list[Deputy], report) -> None:
    """Each deputy in the convocation for its whole term, in the faction the demo seats him or her in.
    A membership an older demo put in another faction (the 8th's parties in the 7th) is moved."""
    factions = ensure_factions(convocation.number)
    for deputy, seat in zip(deputies, faction_seats(convocation.number), strict=True):
        membership, created = Membership.objects.get_or_create(
            deputy=deputy,
            convocation=convocation,
            start_date=convocation.start_date,
            defaults={"faction": factions[seat], "end_date": convocation.end_date},
        )
        if created:
            report.created["членств у скликаннях"] += 1
        elif membership.faction_id != factions[seat].pk:
            membership.faction = factions[seat]
            membership.save()


def add_demo_council(*, home, user, report):
    """The convocations, the deputies in factions, their commission seats, the sessions and votes."""
    convocations = ensure_convocations(report)
    deputies = [ensure_deputy(name, report) for name in demo_deputy_names()]
    with recount_once():  # the votes a moved membership or a new seat affects: recounted once, at the end
        for convocation in convocations.values():
            ensure_memberships(convocation, deputies, report)
        ensure_seats(home, deputies, report)
    add_demo_meetings(user=user, convocations=convocations, deputies=deputies, report=report)
