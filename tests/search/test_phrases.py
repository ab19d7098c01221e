"""A quoted phrase finds the pages where its words stand together in its order, inflected or not."""

import pytest
from django.test import override_settings

from cms import analysis
from pages.models import ActPage
from search import postings
from search.backends import Elasticsearch8Backend, Elasticsearch9Backend
from search.query import LemmaPhrase, build_query

from .test_resilience import es_settings


def result_ids(response):
    return [r["page"].pk for r in response.context["results"]]


@pytest.fixture
def budget_pages(make_act):
    """A page with the phrase inflected, one with both words apart, one with them the other way."""
    return {
        "together": make_act(title="Про виконання", body="<p>Виконання бюджету міста за 2025 рік.</p>"),
        "apart": make_act(title="Про програму", body="<p>Бюджет програми розвитку нашого міста.</p>"),
        "reversed": make_act(title="Про план", body="<p>Для міста бюджет є головним документом.</p>"),
    }


@pytest.mark.parametrize("typed", ['"бюджет міста"', "«бюджет міста»", "„бюджет міста“", "«Бюджету  міста»"])
def test_a_quoted_phrase_finds_only_the_page_with_the_words_together(search, budget_pages, typed):
    response = search(typed)
    assert result_ids(response) == [budget_pages["together"].pk]
    assert response.context["partial"] is False


def test_the_words_unquoted_find_every_page_holding_both(search, budget_pages):
    assert set(result_ids(search("бюджет міста"))) == {page.pk for page in budget_pages.values()}


def test_a_phrase_keeps_its_order(search, budget_pages):
    assert result_ids(search('"міста бюджет"')) == [budget_pages["reversed"].pk]


def test_an_unclosed_quote_is_just_a_character(search, budget_pages):
    assert set(result_ids(search('"бюджет міста'))) == {page.pk for page in budget_pages.values()}


def test_words_around_a_phrase_behave_as_unquoted_words(search, budget_pages, make_act):
    report = make_act(title="Про звітування", body="<p>Звіт про виконання бюджету міста.</p>")
    assert result_ids(search('звіти "бюджет міста"')) == [report.pk]
    assert result_ids(search('"бюджет міста" 2025')) == [budget_pages["together"].pk]


def test_a_phrase_no_page_holds_finds_nothing_rather_than_the_pages_with_its_words_apart(
    search, budget_pages
):
    response = search('"бюджет програми міста"')
    assert result_ids(response) == []
    assert response.context["partial"] is False


def test_with_no_page_holding_everything_a_phrase_stays_a_phrase_among_some_of_the_words(
    search, budget_pages
):
    # No page holds the phrase and «тариф»: pages holding some of the parts, the phrase whole.
    response = search('"бюджет міста" тарифи')
    assert response.context["partial"] is True
    assert result_ids(response) == [budget_pages["together"].pk]


def test_a_phrase_is_found_in_the_title_and_in_a_hyphenated_word(search, make_act):
    titled = make_act(title="Про бюджет міста Ніжина на 2026 рік")
    hyphenated = make_act(
        title="Про програму", body="<p>Програма соціально-економічного розвитку громади.</p>"
    )
    assert result_ids(search('"бюджет міста"')) == [titled.pk]
    assert result_ids(search('"економічного розвитку"')) == [hyphenated.pk]


def test_one_word_in_quotes_is_that_word(search, budget_pages):
    assert set(result_ids(search('"бюджету"'))) == {page.pk for page in budget_pages.values()}


def test_the_database_answers_a_phrase_when_elasticsearch_fails(client, budget_pages):
    with override_settings(WAGTAILSEARCH_BACKENDS=es_settings("http://127.0.0.1:9")):
        response = client.get("/search/", {"q": "«бюджет міста»"})
    assert response.context["fallback"] is True
    assert result_ids(response) == [budget_pages["together"].pk]


def test_the_api_search_reads_a_phrase(api_search, budget_pages):
    items = api_search('"бюджет міста"').json()["items"]
    assert [item["id"] for item in items] == [budget_pages["together"].pk]


def test_the_database_reads_only_the_pages_holding_every_word_of_a_phrase(
    client, budget_pages, make_act, monkeypatch
):
    make_act(title="Про тарифи", body="<p>Тарифи міста.</p>")  # holds «міста» only: never read
    read = []
    page_texts = postings._page_texts
    monkeypatch.setattr(postings, "_page_texts", lambda ids: read.extend(ids) or page_texts(ids))
    response = client.get("/search/", {"q": '"бюджет міста"'})  # the test settings' database backend
    assert result_ids(response) == [budget_pages["together"].pk]
    assert sorted(read) == sorted(page.pk for page in budget_pages.values())


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Виконання бюджету міста.", True),
        ("Бюджет для міста.", True),  # a stop-word between them is not counted, as in the index
        ("Бюджет нашого міста.", False),
        ("Міста бюджет.", False),
        ("Бюджет. Інше. Міста.", False),
    ],
)
def test_contains_phrase(text, found):
    assert analysis.contains_phrase(["Вступ.", text], analysis.lemma_groups("бюджет міста")) is found


def phrase_queries(compiled) -> set[str]:
    """The phrases an Elasticsearch query (as compiled, JSON-like) matches, in any field."""
    found = set()
    if isinstance(compiled, dict):
        for key, value in compiled.items():
            if key == "match_phrase":
                found.update(v if isinstance(v, str) else v["query"] for v in value.values())
            elif key == "multi_match" and value.get("type") == "phrase":
                found.add(value["query"])
            else:
                found |= phrase_queries(value)
    elif isinstance(compiled, list):
        for item in compiled:
            found |= phrase_queries(item)
    return found


@pytest.mark.parametrize("backend_class", [Elasticsearch8Backend, Elasticsearch9Backend])
def test_elasticsearch_matches_a_phrase_of_the_lemmas(db, backend_class):
    backend = backend_class({"URLS": ["http://127.0.0.1:9"], "INDEX_PREFIX": "radasite_"})
    query = build_query("«бюджету міста»")
    assert isinstance(query, LemmaPhrase)
    compiled = backend.query_compiler_class(ActPage.objects.all(), query).get_inner_query()
    assert compiled["multi_match"] == {
        "query": "бюджет місто",
        "fields": compiled["multi_match"]["fields"],
        "type": "phrase",
    }


def test_elasticsearch_matches_every_candidate_lemma_of_a_phrase(db):
    backend = Elasticsearch9Backend({"URLS": ["http://127.0.0.1:9"], "INDEX_PREFIX": "radasite_"})
    query = build_query('вивезення "відходів міста"')
    compiled = backend.query_compiler_class(ActPage.objects.all(), query).get_inner_query()
    assert phrase_queries(compiled) == {"відходи місто", "відхід місто"}
    assert "вивезення" in str(compiled)
