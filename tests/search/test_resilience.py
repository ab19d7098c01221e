"""Elasticsearch down or hanging: search answers from the database, saves queue their updates."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings

from search.models import PendingIndexOperation
from search.resilience import CircuitBreaker, retry_pending_operations

from . import servers

DATABASE = settings.DATABASE_SEARCH_BACKEND


def es_settings(url, **extra):
    return {
        "default": {
            "BACKEND": "search.backends.Elasticsearch9Backend",
            "ALIAS": "default",
            "URLS": [url],
            "TIMEOUT": 1,
            "BREAKER_THRESHOLD": 1,
            "BREAKER_COOL_DOWN": 60,
            **extra,
        },
        "database": DATABASE,
    }


@pytest.fixture
def closed_port_url():
    return servers.closed_port_url()


@pytest.fixture
def silent_server_url():
    with servers.silent_server() as url:
        yield url


@pytest.mark.parametrize("server", ["closed_port_url", "silent_server_url"])
def test_search_answers_from_database_with_notice_when_elasticsearch_fails(client, make_act, request, server):
    act = make_act(title="Про бюджет міста")
    with override_settings(WAGTAILSEARCH_BACKENDS=es_settings(request.getfixturevalue(server))):
        response = client.get("/search/", {"q": "бюджету"})
    assert response.status_code == 200
    assert response.context["fallback"] is True
    assert [r["page"].pk for r in response.context["results"]] == [act.pk]
    assert 'class="notice"' in response.content.decode()


def test_api_says_when_the_database_answers_for_elasticsearch(client, make_act, closed_port_url):
    act = make_act(title="Про бюджет міста")
    with override_settings(WAGTAILSEARCH_BACKENDS=es_settings(closed_port_url)):
        response = client.get("/api/v2/pages/", {"search": "бюджету"})
    assert [item["id"] for item in response.json()["items"]] == [act.pk]
    assert response["X-Search-Fallback"] == "database"
    assert "X-Search-Fallback" not in client.get("/api/v2/pages/", {"search": "бюджету"})


@pytest.mark.parametrize("server", ["closed_port_url", "silent_server_url"])
def test_suggestions_come_from_the_database_when_elasticsearch_fails(client, make_act, request, server):
    make_act(title="Програма розвитку культури")
    with override_settings(WAGTAILSEARCH_BACKENDS=es_settings(request.getfixturevalue(server))):
        first = client.get("/search/suggest/", {"q": "програ"}).json()
        assert CircuitBreaker("default").is_open()
        second = client.get("/search/suggest/", {"q": "програ"}).json()  # the server is not asked again
    assert [s["title"] for s in first["suggestions"]] == ["Програма розвитку культури"]
    assert second == first


@pytest.mark.parametrize("server", ["closed_port_url", "silent_server_url"])
def test_publish_with_elasticsearch_down_queues_the_update_and_opens_the_breaker(make_act, request, server):
    with override_settings(WAGTAILSEARCH_BACKENDS=es_settings(request.getfixturevalue(server))):
        act = make_act(title="Про тарифи")
        assert CircuitBreaker("default").is_open()
        act.title = "Про тарифи на воду"
        act.save_revision().publish()
    op = PendingIndexOperation.objects.get(object_id=str(act.pk))
    assert (op.backend, op.action, op.model_name) == ("default", "add", "actpage")


def test_open_breaker_skips_elasticsearch_and_queues(make_act, closed_port_url):
    with override_settings(WAGTAILSEARCH_BACKENDS=es_settings(closed_port_url, BREAKER_THRESHOLD=5)):
        CircuitBreaker("default", threshold=1).record_failure()
        act = make_act(title="Про сквер")
    op = PendingIndexOperation.objects.get(object_id=str(act.pk))
    assert op.last_error == "circuit breaker open"


def test_queued_update_is_indexed_once_the_backend_answers_again(client, make_act, closed_port_url):
    with override_settings(WAGTAILSEARCH_BACKENDS=es_settings(closed_port_url)):
        act = make_act(title="Про парк Graecum")
    assert PendingIndexOperation.objects.count() == 1
    # The "default" backend is the database again: the retry indexes the act there.
    from modelsearch.index import get_indexed_instance
    from wagtail.search.backends import get_search_backend

    get_search_backend("default").delete(get_indexed_instance(act))
    assert client.get("/search/", {"q": "Graecum"}).context["total"] == 0
    cache.clear()
    assert retry_pending_operations() == (1, 0)
    assert [r["page"].pk for r in client.get("/search/", {"q": "Graecum"}).context["results"]] == [act.pk]


def test_failed_retry_keeps_the_operation(make_act, closed_port_url):
    with override_settings(WAGTAILSEARCH_BACKENDS=es_settings(closed_port_url)):
        make_act(title="Про вулиці")
        cache.clear()
        assert retry_pending_operations() == (0, 1)
    op = PendingIndexOperation.objects.get()
    assert op.attempts == 1 and op.last_error


def test_retry_command_reports_progress(make_act, closed_port_url):
    from io import StringIO

    from django.core.management import call_command

    with override_settings(WAGTAILSEARCH_BACKENDS=es_settings(closed_port_url)):
        make_act(title="Про вулиці")
    out = StringIO()
    call_command("retry_search_updates", stdout=out)
    assert "Indexed 1; still pending 0." in out.getvalue()


def test_with_database_task_queue_a_publish_does_not_touch_elasticsearch(make_act, silent_server_url):
    from django_tasks_db.models import DBTaskResult

    tasks = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with override_settings(WAGTAILSEARCH_BACKENDS=es_settings(silent_server_url), TASKS=tasks):
        before = DBTaskResult.objects.count()
        make_act(title="Про воду")
        assert DBTaskResult.objects.count() > before
    assert not CircuitBreaker("default").is_open()
    assert PendingIndexOperation.objects.count() == 0
