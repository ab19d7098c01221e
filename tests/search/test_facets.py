"""Facets: the month carries its year and months are listed newest first; bad filters are told."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.http import QueryDict

from pages.models import ActType
from tests import factories as f


def result_ids(response):
    return [r["page"].pk for r in response.context["results"]]


def facet(response, name):
    return next(item["values"] for item in response.context["facets"] if item["name"] == name)


def test_month_facet_carries_the_year_and_is_ordered_by_time(search, make_act):
    make_act(title="Бюджет 1", date=datetime.date(2023, 3, 2))
    make_act(title="Бюджет 2", date=datetime.date(2024, 3, 5))
    make_act(title="Бюджет 3", date=datetime.date(2024, 3, 9))
    make_act(title="Бюджет 4", date=datetime.date(2024, 11, 1))
    response = search("бюджет", year="2024")
    months = facet(response, "month")
    assert [(m["value"], m["label"], m["count"]) for m in months] == [
        ("2024-11", "Листопад 2024", 1),
        ("2024-03", "Березень 2024", 2),
    ]
    html = response.content.decode()
    assert "Березень 2024" in html and "month=2024-03" in html


def test_months_are_offered_once_the_results_fall_in_one_year(search, make_act):
    make_act(title="Бюджет 1", date=datetime.date(2023, 3, 2))
    make_act(title="Бюджет 2", date=datetime.date(2024, 3, 5))
    response = search("бюджет")
    assert [y["value"] for y in facet(response, "year")] == [2024, 2023]
    assert "month" not in [item["name"] for item in response.context["facets"]]
    assert "month=" not in response.content.decode()
    single_year = search("бюджет", year="2023")
    assert [m["value"] for m in facet(single_year, "month")] == ["2023-03"]


def test_month_filter_takes_the_month_of_one_year(search, make_act):
    make_act(title="Бюджет 1", date=datetime.date(2023, 3, 2))
    act = make_act(title="Бюджет 2", date=datetime.date(2024, 3, 5))
    response = search("бюджет", month="2024-03")
    assert result_ids(response) == [act.pk]
    assert facet(response, "month")[0]["selected"] is True


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("year", "²"),
        ("year", "２０１８"),
        ("year", "9" * 10_000),
        ("year", "1700"),
        ("month", "2024-13"),
        ("month", "9999-12"),
        ("type", "1\x00"),
        ("issuer", "abc"),
        ("commission", "-1"),
        ("act_type", "decree"),
        ("sort", "oldest"),
        ("page", "²"),
    ],
)
def test_a_bad_filter_is_ignored_with_a_notice(search, make_act, name, value):
    act = make_act(title="Про бюджет", act_type=ActType.COUNCIL_DECISION)
    response = search("бюджет", **{name: value})
    assert response.status_code == 200
    assert result_ids(response) == [act.pk]
    assert response.context["notices"]
    assert 'class="notice"' in response.content.decode()
    assert "\x00" not in response.content.decode()


def chosen_filter_links(response):
    """The page's links that remove one chosen filter: (what a screen reader reads, href)."""
    section = BeautifulSoup(response.content, "html.parser").find("section", class_="search-active-filters")
    if section is None:
        return {}
    return {" ".join(a.get_text(" ", strip=True).split()): a["href"] for a in section.find_all("a")}


def follow(client, href):
    assert href.startswith("?")
    return client.get("/search/" + href)


def test_each_chosen_filter_is_removed_alone_by_its_own_link(search, client, make_act):
    old = make_act(title="Бюджет 2019", act_type=ActType.COUNCIL_DECISION, date=datetime.date(2019, 3, 1))
    council = make_act(title="Бюджет 2020", act_type=ActType.COUNCIL_DECISION, date=datetime.date(2020, 3, 1))
    executive = make_act(
        title="Бюджет виконкому", act_type=ActType.EXECUTIVE_DECISION, date=datetime.date(2020, 4, 1)
    )
    response = search("бюджет", act_type="council_decision", year="2020", sort="newest")
    assert result_ids(response) == [council.pk]
    links = chosen_filter_links(response)
    assert list(links) == [
        "Прибрати фільтр Вид акта: Рішення міської ради ×",
        "Прибрати фільтр Рік: 2020 ×",
    ]
    without_year = follow(client, links["Прибрати фільтр Рік: 2020 ×"])
    assert without_year.context["chosen"] == {"act_type": "council_decision"}
    assert without_year.context["sort"] == "newest" and without_year.context["query"] == "бюджет"
    assert result_ids(without_year) == [council.pk, old.pk]
    without_type = follow(client, links["Прибрати фільтр Вид акта: Рішення міської ради ×"])
    assert without_type.context["chosen"] == {"year": 2020}
    assert set(result_ids(without_type)) == {council.pk, executive.pk}


def test_the_chosen_value_of_a_facet_links_to_the_search_without_it(search, client, make_act):
    make_act(title="Бюджет 2019", act_type=ActType.COUNCIL_DECISION, date=datetime.date(2019, 3, 1))
    make_act(title="Бюджет 2020", act_type=ActType.EXECUTIVE_DECISION, date=datetime.date(2020, 3, 1))
    response = search("бюджет", act_type="council_decision", year="2019")
    html = BeautifulSoup(response.content, "html.parser")
    current = html.select_one(".facet-year a[aria-current]")
    assert current.get_text(" ", strip=True) == "Прибрати фільтр 2019"
    assert follow(client, current["href"]).context["chosen"] == {"act_type": "council_decision"}
    # Another value of a facet replaces the chosen one: the link never holds two values of a facet.
    for link in html.select(".facet a"):
        assert all(len(values) == 1 for _name, values in QueryDict(link["href"][1:]).lists()), link["href"]


def test_filters_that_exclude_every_result_say_so_and_can_be_removed_one_by_one(search, client, make_act):
    act = make_act(title="Бюджет 2019", act_type=ActType.COUNCIL_DECISION, date=datetime.date(2019, 3, 1))
    make_act(title="Бюджет виконкому", act_type=ActType.EXECUTIVE_DECISION, date=datetime.date(2020, 4, 1))
    response = search("бюджет", act_type="executive_decision", year="2019")
    assert result_ids(response) == [] and response.context["suggestions"] == []
    text = " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())
    assert "За запитом «бюджет» є сторінки, але жодна не відповідає всім обраним фільтрам" in text
    assert "нічого не знайдено" not in text
    links = chosen_filter_links(response)
    assert result_ids(follow(client, links["Прибрати фільтр Вид акта: Рішення виконавчого комітету ×"])) == [
        act.pk
    ]


def test_facet_labels_start_with_a_capital(search, make_act, news_index):
    make_act(title="Бюджет", act_type=ActType.EXECUTIVE_DECISION, date=datetime.date(2024, 3, 2))
    f.NewsPageFactory(parent=news_index, title="Бюджет громади", date=datetime.date(2024, 3, 5))
    response = search("бюджет")
    labels = {
        item["name"]: [value["label"] for value in item["values"]] for item in response.context["facets"]
    }
    assert sorted(labels["type"]) == ["Акт", "Новина"]
    assert labels["act_type"] == ["Рішення виконавчого комітету"]
    assert labels["month"] == ["Березень 2024"]
    facet_texts = [
        a.get_text(strip=True) for a in BeautifulSoup(response.content, "html.parser").select(".facet a")
    ]
    assert facet_texts and all(text[0].isupper() or text[0].isdigit() for text in facet_texts)


def test_a_type_filter_naming_no_type_is_shown_and_can_be_removed(search, client, make_act):
    act = make_act(title="Про бюджет")
    response = search("бюджет", type="999999")
    assert response.status_code == 200 and result_ids(response) == []
    links = chosen_filter_links(response)
    assert list(links) == ["Прибрати фільтр Тип матеріалу: 999999 ×"]
    assert result_ids(follow(client, links["Прибрати фільтр Тип матеріалу: 999999 ×"])) == [act.pk]
