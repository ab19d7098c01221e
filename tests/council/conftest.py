import pytest

from tests import factories as f

from .factories import ConvocationFactory, MembershipFactory


@pytest.fixture
def convocation(db):
    return ConvocationFactory(number=8)


@pytest.fixture
def commission(home_page):
    index = f.CommissionIndexPageFactory(parent=home_page)
    return f.CommissionPageFactory(parent=index, title="Комісія з питань бюджету")


@pytest.fixture
def deputies(convocation):
    """Eleven deputies of the convocation, none in a faction: with the mayor, a council of twelve."""
    return [MembershipFactory(convocation=convocation, faction=None).deputy for _ in range(11)]
