"""The search behaviours against a live Elasticsearch at ELASTICSEARCH_URL; skipped without one."""

import os

import pytest
from django.core.cache import cache
from django.test import override_settings

pytestmark = [
    pytest.mark.elasticsearch,
    pytest.mark.skipif(not os.environ.get("ELASTICSEARCH_URL"), reason="ELASTICSEARCH_URL is not set"),
]


@pytest.fixture
def live_es(db):
    from wagtail.search.backends import get_search_backend

    url = os.environ["ELASTICSEARCH_URL"]
    backends = {
        "default": {"BACKEND": os.environ.get("ELASTICSEARCH_BACKEND", "search.backends.Elasticsearch9Backend"),
                    "ALIAS": "default", "URLS": [url], "INDEX_PREFIX": "radasite_test_", "TIMEOUT": 10},
        "database": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"},
    }
    cache.clear()
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        backend = get_search_backend("default")
        from django.core.management import call_command

        call_command("update_index", backend_name="default", stdout=open(os.devnull, "w"))
        yield backend


def _search(client, backend, q, **params):
    backend.refresh_indexes()
    response = client.get("/search/", {"q": q, **params})
    assert response.context["fallback"] is False
    return [r["page"].pk for r in response.context["results"]]


@pytest.mark.parametrize(("query", "stored"), [("рішенню", "рішення"), ("бюджету", "бюджет"),
                                               ("слухань", "слухання"), ("вулиці", "вулиця")])
def test_inflected_query_finds_the_page_on_elasticsearch(client, live_es, make_act, query, stored):
    act = make_act(title="Розпорядження", summary=f"Текст про {stored} міста.")
    make_act(title="Інше")
    assert _search(client, live_es, query) == [act.pk]


def test_act_number_first_on_elasticsearch(client, live_es, make_act):
    make_act(title="Змінює 4-49/2018", number="5-49/2018")
    act = make_act(title="Про бюджет", number="4-49/2018")
    assert _search(client, live_es, "№ 4-49/2018")[0] == act.pk


def test_attachment_phrase_on_elasticsearch(client, live_es, make_act, make_document):
    from .conftest import ukrainian_pdf

    act = make_act(title="Про тарифи")
    document = make_document(title="Додаток", data=ukrainian_pdf("вивезення побутових відходів"), filename="a.pdf")
    act.attachments = [("attachment", {"document": document, "title": "", "kind": "scan"})]
    act.save_revision().publish()
    assert _search(client, live_es, "вивезенню відходу") == [act.pk]
