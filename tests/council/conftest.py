import pytest

from tests import factories as f

from .factories import ConvocationFactory


@pytest.fixture
def convocation(db):
    return ConvocationFactory(number=8)


@pytest.fixture
def commission(home_page):
    index = f.CommissionIndexPageFactory(parent=home_page)
    return f.CommissionPageFactory(parent=index, title="Комісія з питань бюджету")
