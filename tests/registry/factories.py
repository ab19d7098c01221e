"""Factories for the registry, with EDRPOU codes that pass the check-digit algorithm."""

import datetime

import factory

from registry.models import FieldOfActivity, Interaction, InteractionKind, Organization, OrganizationKind
from registry.validators import edrpou_check_digit


def valid_edrpou(n: int) -> str:
    first_seven = f"{3_700_000 + n:07d}"
    return first_seven + str(edrpou_check_digit(first_seven))


class FieldOfActivityFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Напрям {n}")

    class Meta:
        model = FieldOfActivity
        django_get_or_create = ("name",)


class OrganizationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Громадська організація «Приклад {n}»")
    edrpou = factory.Sequence(valid_edrpou)
    kind = OrganizationKind.NGO
    registration_date = datetime.date(2015, 5, 1)

    class Meta:
        model = Organization


class PartyOrganizationFactory(OrganizationFactory):
    name = factory.Sequence(lambda n: f"Ніжинська міська організація партії «Партія {n}»")
    kind = OrganizationKind.PARTY
    legal_form = "party_branch"
    party = factory.Sequence(lambda n: f"Партія {n}")


class InteractionFactory(factory.django.DjangoModelFactory):
    kind = InteractionKind.MEETING
    date = datetime.date(2026, 3, 10)
    topic = factory.Sequence(lambda n: f"Зустріч щодо бюджету участі {n}")

    class Meta:
        model = Interaction
        skip_postgeneration_save = True

    @factory.post_generation
    def organizations(self, create, extracted, **kwargs):
        if create and extracted:
            self.organizations.set(extracted)
