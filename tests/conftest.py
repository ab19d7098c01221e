import io
import uuid
from typing import NamedTuple

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from wagtail.models import Site
from wagtail.search.backends import get_search_backend

from settings.base import env, env_list

#: Indexes of this test run on the live server: created and dropped by the tests themselves.
TEST_INDEX_PREFIX = f"radasite_test_{uuid.uuid4().hex[:8]}_"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path_factory):
    """Uploaded files of a test go to a temporary directory, never to var/media."""
    settings.MEDIA_ROOT = str(tmp_path_factory.mktemp("media"))
    return settings.MEDIA_ROOT


class LoadedDemo(NamedTuple):
    output: str
    media: str


#: The admin password of the demo the tests load.
DEMO_PASSWORD = "demo-password-1"


@pytest.fixture(scope="class")
def loaded_demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """``load_demo`` run once for a class of tests that read the demo, instead of once per test (a run
    takes 10–25 s): committed, its files in a directory of the class (the class overrides ``media_root``
    with it), so that each test still runs in its own transaction on top of it and what a test writes is
    rolled back. When the class ends, the database is put back as the migrations left it."""
    media = str(tmp_path_factory.mktemp("demo-media"))
    output = io.StringIO()
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media):
        # Wagtail's tasks look their content type up while they are being restored, before the content
        # types are: with every one cached now (the ids the restore gives back), none is created then.
        ContentType.objects.get_for_models(*apps.get_models(), for_concrete_models=False)
        initial = connection.creation.serialize_db_to_string()
        call_command("load_demo", admin_user="admin", admin_password=DEMO_PASSWORD, stdout=output)
    try:
        yield LoadedDemo(output.getvalue(), media)
    finally:
        with django_db_blocker.unblock():
            # Sequences keep their values: the rows put back keep their ids, below them.
            call_command(
                "flush", interactive=False, verbosity=0, inhibit_post_migrate=True, reset_sequences=False
            )
            connection.creation.deserialize_db_from_string(initial)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache (search keeps its circuit breaker and page counts there)."""
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


def elasticsearch_backends():
    """WAGTAILSEARCH_BACKENDS for the server at ELASTICSEARCH_URL: as in production, on this run's indexes."""
    return {
        "default": {
            "BACKEND": env("ELASTICSEARCH_BACKEND", "search.backends.Elasticsearch9Backend"),
            "ALIAS": "default",
            "URLS": env_list("ELASTICSEARCH_URL"),
            "INDEX_PREFIX": TEST_INDEX_PREFIX,
            "TIMEOUT": 10,
            # The first failed request opens the breaker, and the test errors at teardown.
            "BREAKER_THRESHOLD": 1,
        },
        "database": settings.DATABASE_SEARCH_BACKEND,
    }


def drop_test_indexes(backend):
    """Delete this run's indexes, by their names: Elasticsearch refuses to delete by wildcard."""
    names = list(backend.es.indices.get(index=TEST_INDEX_PREFIX + "*"))
    if names:
        backend.es.indices.delete(index=names)


@pytest.fixture(
    params=[
        "database",
        pytest.param(
            "elasticsearch",
            marks=[
                pytest.mark.elasticsearch,
                pytest.mark.skipif(not env("ELASTICSEARCH_URL"), reason="ELASTICSEARCH_URL is not set"),
            ],
        ),
    ]
)
def search_backend(request, db):
    """The "default" search backend of the test: the database one, or a live Elasticsearch.

    For Elasticsearch the indexes are built from the test database (``update_index``: the pages of
    the migrations, nothing else) and dropped after the test. A request that failed, and so might
    have been answered by the database fallback, makes the test error at teardown.
    """
    if request.param == "database":
        yield get_search_backend("default")
        return
    with override_settings(WAGTAILSEARCH_BACKENDS=elasticsearch_backends()):
        backend = get_search_backend("default")
        try:
            call_command("update_index", backend_name="default", verbosity=0)
            yield backend
            assert not backend.breaker.is_open(), "a request to Elasticsearch failed during the test"
        finally:
            drop_test_indexes(backend)
