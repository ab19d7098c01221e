import datetime

import factory
import pytest

from council.kinds import CommissionRole
from council.models import CommissionMembership, Convocation, Deputy, Membership
from tests import factories as f
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


@pytest.fixture
def convocation(db):
    return ConvocationFactory(number=8)


@pytest.fixture
def commission(home_page):
    index = f.CommissionIndexPageFactory(parent=home_page)
    return f.CommissionPageFactory(parent=index, title="Комісія з питань бюджету")
