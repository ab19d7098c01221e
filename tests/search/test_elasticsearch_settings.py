"""The Elasticsearch backend's index settings and mappings, checked without a server."""

import pytest

from pages.models import ActPage
from search.backends import Elasticsearch8Backend, Elasticsearch9Backend


@pytest.fixture(params=[Elasticsearch8Backend, Elasticsearch9Backend])
def backend(request):
    return request.param({"URLS": ["http://127.0.0.1:9"], "ALIAS": "default", "INDEX_PREFIX": "radasite_"})


def test_index_settings_unify_apostrophes_and_keep_wagtail_analyzers(backend):
    analysis = backend.settings["settings"]["analysis"]
    assert "\u2019=>'" in analysis["char_filter"]["uk_apostrophes"]["mappings"]
    assert analysis["analyzer"]["default"]["char_filter"] == ["uk_apostrophes"]
    assert {"ngram_analyzer", "edgengram_analyzer"} <= set(analysis["analyzer"])


def test_mapping_indexes_the_lemmatised_field_and_act_filters(backend):
    mapping = backend.mapping_class(ActPage).get_mapping()
    properties = mapping["properties"]
    names = set(properties)
    assert any(name.endswith("search_lemmas") for name in names)
    assert any(name.endswith("act_type_filter") for name in names)
    assert any(name.endswith("number") for name in names)


def test_document_carries_lemmas_and_number_token(backend, make_act):
    act = make_act(title="Про бюджет", number="4-49/2018", summary="Слухань не було.")
    document = backend.mapping_class(ActPage).get_document(act)
    lemmas = next(value for key, value in document.items() if key.endswith("search_lemmas"))
    assert "слухання" in lemmas.split() and "n4x49x2018" in lemmas.split()


def test_client_makes_one_attempt_with_a_short_timeout(backend):
    assert backend.timeout == 2
    assert backend.es._max_retries == 0 and backend.es._retry_on_timeout is False
    assert backend.es._request_timeout == 2


def test_settings_do_not_leak_between_instances():
    params = {"URLS": ["http://127.0.0.1:9"], "OPTIONS": {}}
    Elasticsearch9Backend(params)
    assert params["OPTIONS"] == {}
