"""The listings and the act page run a number of SQL queries that does not grow with their items."""

import datetime

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pages import models as m
from tests.factories import (
    ActIndexPageFactory,
    ActPageFactory,
    DocumentFactory,
    ImageFactory,
    IssuerFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)


def count_queries(client, url):
    """Queries of a second request with a cold cache (the first request creates the image renditions;
    clearing the cache makes rendition lookups hit the database unless they were prefetched)."""
    assert client.get(url).status_code == 200
    caches["default"].clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def make_news(index, count, start=0):
    for number in range(start, start + count):
        news = NewsPageFactory(
            parent=index,
            date=datetime.date(2018, 1, 1) + datetime.timedelta(days=number),
            main_image=ImageFactory(),
        )
        news.tags.add(f"тег {number}", "ніжин")
        news.save_revision().publish()


def test_news_index_queries_do_not_grow_with_items(client, home_page):
    index = NewsIndexPageFactory(parent=home_page)
    make_news(index, 3)
    small = count_queries(client, index.url)
    make_news(index, 17, start=3)
    large = count_queries(client, index.url)
    assert small == large


def test_home_page_queries_do_not_grow_with_items(client, home_page):
    index = NewsIndexPageFactory(parent=home_page)
    make_news(index, 2)
    small = count_queries(client, home_page.url)
    make_news(index, 8, start=2)
    assert count_queries(client, home_page.url) == small


def make_acts(index, issuers, count, start=0):
    for number in range(start, start + count):
        ActPageFactory(
            parent=index,
            issuer=issuers[number % len(issuers)],
            date=datetime.date(2018, 1, 1) + datetime.timedelta(days=number),
        )


def test_act_index_queries_do_not_grow_with_items(client, home_page):
    index = ActIndexPageFactory(parent=home_page)
    issuers = [IssuerFactory() for _ in range(3)]
    make_acts(index, issuers, 3)
    small = count_queries(client, index.url)
    make_acts(index, issuers, 17, start=3)
    assert count_queries(client, index.url) == small


@pytest.fixture
def act_page_of_size(home_page):
    index = ActIndexPageFactory(parent=home_page)
    issuer = IssuerFactory()

    def build(size):
        targets = [ActPageFactory(parent=index, issuer=issuer) for _ in range(size)]
        act = ActPageFactory(
            parent=index,
            issuer=issuer,
            attachments=[
                ("attachment", {"document": DocumentFactory(), "title": "", "kind": "scan"})
                for _ in range(size + 2)
            ],
            relations=[m.ActRelation(kind=m.RelationKind.AMENDS, target=target) for target in targets],
        )
        for _ in range(size):
            ActPageFactory(
                parent=index,
                issuer=issuer,
                relations=[m.ActRelation(kind=m.RelationKind.REPEALS, target=act)],
            )
            ActPageFactory(
                parent=index,
                issuer=issuer,
                act_type=m.ActType.DRAFT_DECISION,
                adopted_as=act,
                adopted_on=None,
            )
        return act

    return build


def test_act_page_queries_do_not_grow_with_attachments_and_relations(client, act_page_of_size):
    small = count_queries(client, act_page_of_size(1).url)
    large = count_queries(client, act_page_of_size(3).url)  # 5 attachments, 3 related acts each way
    assert small == large


def test_news_page_reads_settings_parents_and_site_without_queries(client, home_page):
    """Routing reads one row per level below the index, breadcrumbs reuse the routed parents, site
    settings come from the cache: 9 queries (site, 4 routing, alias check, view restrictions, main
    image, tags; 13 before these changes)."""
    index = NewsIndexPageFactory(parent=home_page)
    make_news(index, 1)
    news = m.NewsPage.objects.child_of(index).get()
    assert client.get(news.url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(news.url).status_code == 200
    assert len(queries) <= 9, [q["sql"][:80] for q in queries]
