import datetime
import re

from pages.models import ActType
from search.models import SynonymGroup
from tests import factories as f


def result_ids(response):
    return [r["page"].pk for r in response.context["results"]]


def test_act_number_as_people_write_it_ranks_the_act_first(search, make_act):
    for i in range(3):
        make_act(
            title=f"Про рішення 4-49/2018 та інше {i}",
            number=f"{i + 10}-49/2018",
            summary="Змінює рішення 4-49/2018.",
        )
    act = make_act(title="Про бюджет", number="4-49/2018")
    for q in ("4-49/2018", "№ 4-49/2018", "№4–49/2018"):
        assert result_ids(search(q))[0] == act.pk


def test_plain_number_finds_the_act_with_that_number_first(search, make_act):
    other = make_act(title="Про 3120 гривень", number="77")
    act = make_act(title="Про вулиці", number="312")
    ids = result_ids(search("№ 312"))
    assert ids[0] == act.pk and other.pk not in ids[:1]


def test_facets_count_each_value(search, make_act, news_index):
    make_act(title="Бюджет міста", act_type=ActType.COUNCIL_DECISION, date=datetime.date(2019, 3, 1))
    make_act(title="Бюджету 2020", act_type=ActType.EXECUTIVE_DECISION, date=datetime.date(2020, 3, 1))
    f.NewsPageFactory(parent=news_index, title="Новини бюджету", date=datetime.date(2020, 5, 1))
    response = search("бюджет")
    facets = {
        facet["name"]: {v["value"]: v["count"] for v in facet["values"]}
        for facet in response.context["facets"]
    }
    assert facets["act_type"] == {"council_decision": 1, "executive_decision": 1}
    assert facets["year"] == {2019: 1, 2020: 2}
    assert sorted(facets["type"].values()) == [1, 2]


def test_facet_filter_narrows_results(search, make_act):
    make_act(title="Бюджет міста", act_type=ActType.COUNCIL_DECISION)
    exec_act = make_act(title="Бюджет виконкому", act_type=ActType.EXECUTIVE_DECISION)
    assert result_ids(search("бюджет", act_type="executive_decision")) == [exec_act.pk]


def test_snippet_highlights_inflected_match(search, make_act):
    make_act(title="Про затвердження", summary="Громадські слухання щодо бюджету відбудуться у вівторок.")
    response = search("бюджет")
    assert "<mark>бюджету</mark>" in response.content.decode()


def test_newest_sort_orders_by_date(search, make_act):
    old = make_act(title="Бюджет старий", date=datetime.date(2015, 1, 1))
    new = make_act(title="Бюджет новий", date=datetime.date(2022, 1, 1))
    assert result_ids(search("бюджет", sort="newest")) == [new.pk, old.pk]


def test_results_are_paginated(search, make_act):
    for i in range(13):
        make_act(title=f"Бюджет {i}")
    first = search("бюджет")
    second = search("бюджет", page=2)
    assert len(result_ids(first)) == 10 and len(result_ids(second)) == 3
    assert not set(result_ids(first)) & set(result_ids(second))


def test_the_page_is_named_a_search_and_lists_the_results_before_the_facets(search, make_act):
    make_act(title="Бюджет міста")
    html = search("бюджет").content.decode()
    assert "<h1>Пошук</h1>" in html and "<title>Пошук: бюджет" in html
    assert '<button type="submit">Шукати</button>' in html  # the header's button says what it does
    # A screen reader and the keyboard meet the results first, as a phone shows them.
    assert html.index('class="search-results"') < html.index('class="facets"')


def test_zero_results_page_suggests_what_to_do(search, make_act):
    response = search("квазар")
    assert response.status_code == 200
    assert response.context["total"] == 0
    assert "квазар" in response.content.decode()


def test_synonyms_from_the_admin_widen_the_query(search, make_act):
    SynonymGroup.objects.create(terms="виконком\nвиконавчий комітет")
    act = make_act(title="Засідання виконавчого комітету")
    assert act.pk in result_ids(search("виконком"))


def test_abbreviation_synonym_finds_full_phrase(search, make_act):
    SynonymGroup.objects.create(terms="ОТГ\nоб'єднана територіальна громада")
    act = make_act(title="Статут об’єднаної територіальної громади")
    assert act.pk in result_ids(search("ОТГ"))


def test_suggestions_return_titles_as_one_types(suggest, make_act):
    make_act(title="Програма розвитку культури")
    data = suggest("програ").json()
    assert [s["title"] for s in data["suggestions"]] == ["Програма розвитку культури"]


def test_every_search_box_asks_for_suggestions_and_the_script_is_served(client, home_page):
    html = client.get("/").content.decode()
    assert 'data-suggest-url="/search/suggest/"' in html
    script = re.search(r'<script src="([^"]+suggest\.js)" defer>', html).group(1)
    response = client.get(script)
    assert response.status_code == 200
    assert b"data-suggest-url" in b"".join(response.streaming_content)
    assert html.count("data-suggest-url") == 1
    search_page = client.get("/search/", {"q": "бюджет"}).content.decode()
    assert search_page.count("data-suggest-url") == 2  # the header's box and the page's


def test_api_search_uses_lemmatised_search(api_search, make_act):
    act = make_act(title="Про затвердження рішення", act_type=ActType.PROTOCOL)
    make_act(title="Інше", act_type=ActType.MAYOR_ORDER)
    data = api_search("рішенню").json()
    assert [item["id"] for item in data["items"]] == [act.pk]


def test_unpublished_pages_are_not_found(search, make_act):
    act = make_act(title="Бюджет чернетка")
    act.unpublish()
    assert result_ids(search("бюджет")) == []
