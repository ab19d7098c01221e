"""Demo content: the 8th convocation with the demo's deputies in five factions and their commission seats.

Run by ``manage.py load_demo`` through the ``radasite_load_demo`` hook (``pages.demo``); safe to run again.
"""

import datetime

from pages.demo.base import content
from pages.models import CommissionPage
from registry.kinds import OrganizationKind
from registry.models import Organization, RegistrationStatus
from registry.validators import edrpou_check_digit

from .kinds import CommissionRole
from .models import CommissionMembership, Convocation, Deputy, Membership
from .names import match_name
from .services import unique_slug

DEMO_HOOK = "radasite_load_demo"
CONVOCATION_START = datetime.date(2020, 12, 1)

#: The demo's party organisations (names of parties that sat in councils of the 8th convocation).
DEMO_FACTIONS = [
    ("Ніжинська міська організація партії «Слуга народу»", "Слуга народу", "4101001"),
    ("Ніжинська міська організація партії «Європейська солідарність»", "Європейська солідарність", "4101002"),
    ("Ніжинська міська організація партії «Батьківщина»", "Батьківщина", "4101003"),
    ("Ніжинська міська організація партії «За майбутнє»", "За майбутнє", "4101004"),
    ("Ніжинська міська організація партії «Пропозиція»", "Пропозиція", "4101005"),
]


def ensure_factions() -> list[Organization]:
    """The five demo party organisations, found by their (valid) EDRPOU codes or created."""
    factions = []
    for name, party, first_seven in DEMO_FACTIONS:
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
    deputy = Deputy.objects.filter(full_name=full_name).first()
    if deputy is None:
        deputy = Deputy.objects.create(
            full_name=full_name,
            slug=unique_slug(full_name),
            reception_hours="Щопонеділка з 10:00 до 12:00, Ніжинська міська рада, кімната 211.",
        )
        report.created["депутатів"] += 1
    return deputy


def add_demo_council(*, home, user, report):
    """The convocation, the deputies in factions in turn, and the seats of the demo's commissions."""
    convocation, created = Convocation.objects.get_or_create(
        number=8, defaults={"start_date": CONVOCATION_START}
    )
    if created:
        report.created["скликань"] += 1
    factions = ensure_factions()
    deputies = [ensure_deputy(name, report) for name in content("deputies")]
    for number, deputy in enumerate(deputies):
        Membership.objects.get_or_create(
            deputy=deputy,
            convocation=convocation,
            start_date=CONVOCATION_START,
            defaults={"faction": factions[number % len(factions)]},
        )
    candidates = [(deputy.full_name, deputy) for deputy in deputies]
    for commission in CommissionPage.objects.live().descendant_of(home):
        for member in commission.member_list():
            deputy, _ambiguous = match_name(member, candidates)
            if deputy is None:
                continue
            role = CommissionRole.CHAIR if member == commission.chair else CommissionRole.MEMBER
            _seat, created = CommissionMembership.objects.get_or_create(
                deputy=deputy,
                commission=commission,
                defaults={"role": role, "start_date": CONVOCATION_START},
            )
            if created:
                report.created["місць у комісіях"] += 1
