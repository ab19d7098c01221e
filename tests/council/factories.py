"""Factories of the council's records: convocations, deputies, memberships, meetings, votes, ballots."""

import datetime

import factory

from council.kinds import BallotChoice, CommissionRole, MeetingKind, MeetingStatus
from council.models import (
    AgendaItem,
    Ballot,
    CommissionMembership,
    Convocation,
    Deputy,
    Meeting,
    Membership,
    Vote,
)
from tests.registry.factories import PartyOrganizationFactory


class ConvocationFactory(factory.django.DjangoModelFactory):
    number = factory.Sequence(lambda n: 8 + n)
    start_date = datetime.date(2020, 12, 1)

    class Meta:
        model = Convocation


class DeputyFactory(factory.django.DjangoModelFactory):
    full_name = factory.Sequence(lambda n: f"Депутатенко{n} Олександр Миколайович")
    slug = factory.Sequence(lambda n: f"deputat-{n}")

    class Meta:
        model = Deputy


class MembershipFactory(factory.django.DjangoModelFactory):
    deputy = factory.SubFactory(DeputyFactory)
    convocation = factory.SubFactory(ConvocationFactory)
    faction = factory.SubFactory(PartyOrganizationFactory)
    start_date = datetime.date(2020, 12, 1)

    class Meta:
        model = Membership


class CommissionMembershipFactory(factory.django.DjangoModelFactory):
    deputy = factory.SubFactory(DeputyFactory)
    role = CommissionRole.MEMBER
    start_date = datetime.date(2020, 12, 10)

    class Meta:
        model = CommissionMembership


class MeetingFactory(factory.django.DjangoModelFactory):
    kind = MeetingKind.PLENARY
    number = factory.Sequence(lambda n: 40 + n)
    convocation = factory.SubFactory(ConvocationFactory)
    starts_at = factory.Sequence(
        lambda n: datetime.datetime(2024, 3, 1, 10, 0, tzinfo=datetime.UTC) + datetime.timedelta(days=7 * n)
    )
    place = "Ніжинська міська рада, сесійна зала"
    status = MeetingStatus.HELD

    class Meta:
        model = Meeting


class AgendaItemFactory(factory.django.DjangoModelFactory):
    meeting = factory.SubFactory(MeetingFactory)
    number = factory.Sequence(lambda n: str(n + 1))
    title = factory.Sequence(lambda n: f"Про затвердження програми № {n}")

    class Meta:
        model = AgendaItem


class VoteFactory(factory.django.DjangoModelFactory):
    agenda_item = factory.SubFactory(AgendaItemFactory)
    position = factory.Sequence(lambda n: n + 1)

    class Meta:
        model = Vote


class BallotFactory(factory.django.DjangoModelFactory):
    vote = factory.SubFactory(VoteFactory)
    deputy = factory.SubFactory(DeputyFactory)
    choice = BallotChoice.FOR

    class Meta:
        model = Ballot
