"""The records' rules: periods end after they start, mandates end with a date, factions are parties."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from council.kinds import DeputyStatus
from council.models import Membership
from tests.registry.factories import OrganizationFactory, PartyOrganizationFactory

from .factories import CommissionMembershipFactory, ConvocationFactory, DeputyFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def test_convocation_is_named_in_ukrainian():
    assert str(ConvocationFactory(number=8)) == "8 скликання"


def test_a_period_cannot_end_before_it_starts():
    convocation = ConvocationFactory.build(
        start_date=datetime.date(2020, 12, 1), end_date=datetime.date(2020, 1, 1)
    )
    with pytest.raises(ValidationError) as error:
        convocation.full_clean()
    assert "end_date" in error.value.message_dict


def test_an_ended_mandate_needs_its_date():
    deputy = DeputyFactory.build(status=DeputyStatus.ENDED)
    with pytest.raises(ValidationError) as error:
        deputy.full_clean()
    assert "mandate_ended_on" in error.value.message_dict
    deputy.mandate_ended_on = datetime.date(2023, 5, 1)
    deputy.mandate_end_reason = "Склав повноваження за власною заявою"
    deputy.full_clean()


def test_an_acting_deputy_has_no_end_of_mandate():
    deputy = DeputyFactory.build(mandate_ended_on=datetime.date(2023, 5, 1))
    with pytest.raises(ValidationError) as error:
        deputy.full_clean()
    assert "status" in error.value.message_dict


def test_a_faction_must_be_a_party_organisation(convocation):
    membership = MembershipFactory.build(
        deputy=DeputyFactory(), convocation=convocation, faction=OrganizationFactory()
    )
    with pytest.raises(ValidationError) as error:
        membership.full_clean()
    assert "faction" in error.value.message_dict


def test_a_faction_change_keeps_the_old_faction_in_the_history(convocation):
    deputy = DeputyFactory()
    old, new = PartyOrganizationFactory(), PartyOrganizationFactory()
    MembershipFactory(
        deputy=deputy, convocation=convocation, faction=old, end_date=datetime.date(2023, 2, 28)
    )
    MembershipFactory(
        deputy=deputy, convocation=convocation, faction=new, start_date=datetime.date(2023, 3, 1)
    )
    factions = [m.faction for m in Membership.objects.filter(deputy=deputy)]
    assert factions == [new, old]


def test_commission_seats_belong_to_the_deputy_and_the_commission(commission):
    seat = CommissionMembershipFactory(commission=commission)
    seat.full_clean()
    assert list(commission.deputy_seats.all()) == [seat]
    assert list(seat.deputy.commission_seats.all()) == [seat]
