"""The news archive: filters, pagination that never fails, RSS and Atom feeds."""

import datetime

import feedparser
import pytest
from bs4 import BeautifulSoup

from pages import models as m
from tests.factories import NewsIndexPageFactory, NewsPageFactory


@pytest.fixture
def index(home_page):
    return NewsIndexPageFactory(parent=home_page)


def listed_titles(response):
    html = BeautifulSoup(response.content.decode(), "html.parser")
    return [a.text for a in html.select(".news-card .card__title a")]


def notices(response):
    html = BeautifulSoup(response.content.decode(), "html.parser")
    return " ".join(p.text for p in html.select(".notice p"))


def test_news_are_paginated_twenty_per_page_newest_first(client, index):
    for day in range(1, 26):
        NewsPageFactory(parent=index, title=f"Новина {day:02d}", date=datetime.date(2018, 10, day))
    first = listed_titles(client.get(index.url))
    second = listed_titles(client.get(index.url + "?page=2"))
    assert first == [f"Новина {day:02d}" for day in range(25, 5, -1)]
    assert second == [f"Новина {day:02d}" for day in range(5, 0, -1)]


@pytest.mark.parametrize(
    "page, expected_notice, expected_first",
    [
        ("abc", "не є числом", "Новина 25"),
        ("0", "показано першу", "Новина 25"),
        ("99", "показано останню", "Новина 05"),
    ],
)
def test_bad_page_numbers_are_clamped_and_reported(client, index, page, expected_notice, expected_first):
    for day in range(1, 26):
        NewsPageFactory(parent=index, title=f"Новина {day:02d}", date=datetime.date(2018, 10, day))
    response = client.get(index.url, {"page": page})
    assert response.status_code == 200
    assert expected_notice in notices(response)
    assert listed_titles(response)[0] == expected_first


def test_filter_by_kind_shows_only_that_kind(client, index):
    NewsPageFactory(parent=index, title="Новина", kind=m.NewsKind.NEWS)
    NewsPageFactory(parent=index, title="Оголошення про конкурс", kind=m.NewsKind.ANNOUNCEMENT)
    NewsPageFactory(parent=index, title="Вітання з Днем міста", kind=m.NewsKind.GREETING)
    assert listed_titles(client.get(index.url, {"kind": "announcement"})) == ["Оголошення про конкурс"]


def test_filter_by_tag_shows_only_tagged_news(client, index):
    tagged = NewsPageFactory(parent=index, title="Ремонт доріг")
    tagged.tags.add("ремонт")
    tagged.save_revision().publish()
    NewsPageFactory(parent=index, title="Концерт")
    slug = tagged.tags.get().slug
    assert listed_titles(client.get(index.url, {"tag": slug})) == ["Ремонт доріг"]


def test_filter_by_month_shows_only_that_month(client, index):
    NewsPageFactory(parent=index, title="Жовтнева", date=datetime.date(2018, 10, 31))
    NewsPageFactory(parent=index, title="Листопадова", date=datetime.date(2018, 11, 1))
    NewsPageFactory(parent=index, title="Торішня листопадова", date=datetime.date(2017, 11, 15))
    assert listed_titles(client.get(index.url, {"month": "2018-11"})) == ["Листопадова"]


@pytest.mark.parametrize(
    "params, notice",
    [
        ({"kind": "gossip"}, "gossip"),
        ({"month": "2018-13"}, "2018-13"),
        ({"month": "листопад"}, "листопад"),
    ],
)
def test_invalid_filters_are_ignored_and_reported(client, index, params, notice):
    NewsPageFactory(parent=index, title="Новина")
    response = client.get(index.url, params)
    assert response.status_code == 200
    assert notice in notices(response)
    assert listed_titles(response) == ["Новина"]


def test_unpublished_news_are_not_listed(client, index):
    NewsPageFactory(parent=index, title="Чернетка", live=False)
    NewsPageFactory(parent=index, title="Опублікована")
    assert listed_titles(client.get(index.url)) == ["Опублікована"]


def test_index_head_links_to_its_feeds(client, index):
    html = BeautifulSoup(client.get(index.url).content.decode(), "html.parser")
    links = {link["type"]: link["href"] for link in html.head.find_all("link", rel="alternate")}
    assert links == {"application/rss+xml": index.url + "rss/", "application/atom+xml": index.url + "atom/"}


@pytest.mark.parametrize("route, version", [("rss/", "rss20"), ("atom/", "atom10")])
def test_feeds_are_valid_and_list_the_latest_news(client, index, route, version):
    NewsPageFactory(parent=index, title="Старіша", date=datetime.date(2018, 11, 1), lead="Перша.")
    newest = NewsPageFactory(parent=index, title="Новіша", date=datetime.date(2018, 11, 8), lead="Друга.")
    NewsPageFactory(parent=index, title="Чернетка", live=False)
    response = client.get(index.url + route)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == version
    assert [entry.title for entry in feed.entries] == ["Новіша", "Старіша"]
    assert feed.entries[0].link == "http://testserver" + newest.url
    assert feed.entries[0].summary == "Друга."
    assert feed.entries[0].published_parsed[:3] == (2018, 11, 8)


def test_filter_form_offers_the_tags_in_use_and_keeps_the_choice(client, index):
    tagged = NewsPageFactory(parent=index)
    tagged.tags.add("ремонт", "школи")
    tagged.save_revision().publish()
    slug = tagged.tags.get(name="школи").slug
    select = BeautifulSoup(client.get(index.url, {"tag": slug}).content.decode(), "html.parser").find(
        "select", attrs={"name": "tag"}
    )
    assert [option.text for option in select.find_all("option")][1:] == ["ремонт", "школи"]
    assert select.find("option", selected=True)["value"] == slug
