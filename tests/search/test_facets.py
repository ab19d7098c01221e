"""Facets: the month carries its year and months are listed newest first; bad filters are told."""

import datetime

import pytest

from pages.models import ActType


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
        ("2024-11", "листопад 2024", 1),
        ("2024-03", "березень 2024", 2),
    ]
    html = response.content.decode()
    assert "березень 2024" in html and "month=2024-03" in html


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
