import pytest
from wagtail.models import Site


@pytest.fixture
def home_page(db):
    """The council's home page, created by the pages migrations as the default site's root."""
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)
