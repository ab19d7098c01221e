import pytest
from wagtail.models import Site


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path_factory):
    """Uploaded files of a test go to a temporary directory, never to var/media."""
    settings.MEDIA_ROOT = str(tmp_path_factory.mktemp("media"))
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache (search keeps its circuit breaker and page count there)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_page(db):
    """The council's home page, created by the pages migrations as the default site's root."""
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def editor_client(client, django_user_model, db):
    """A client logged in as a superuser."""
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "password")
    client.force_login(user)
    client.user = user
    return client
