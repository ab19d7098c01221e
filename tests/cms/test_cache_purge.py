"""The page cache is purged when content changes: the next request shows the change."""

import pytest
from django.test import Client

from cms.cache import HEADER
from cms.models import SiteSettings
from tests.factories import (
    ActIndexPageFactory,
    ActPageFactory,
    IssuerFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    StandardPageFactory,
)


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what the code under test deferred to the commit of its transaction (the purge)."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


@pytest.fixture
def index(home_page):
    return NewsIndexPageFactory(parent=home_page)


@pytest.fixture
def news(index):
    return NewsPageFactory(parent=index, title="Сесія міської ради")


def warm(client, *urls):
    for url in urls:
        client.get(url)
        assert client.get(url)[HEADER] == "hit", url


def test_publishing_a_change_shows_on_the_page_its_index_and_the_home_page(
    client, page_cache, commit, home_page, index, news
):
    warm(client, news.url, index.url, home_page.url, "/sitemap.xml")
    news.title = "Позачергова сесія"
    with commit():
        news.save_revision().publish()
    for url in (news.url, index.url, home_page.url):
        response = client.get(url)
        assert response[HEADER] == "miss", url
        assert "Позачергова сесія".encode() in response.content, url
    assert client.get("/sitemap.xml")[HEADER] == "miss"


def test_a_new_page_is_listed_at_the_next_request_with_any_query(client, page_cache, commit, index, news):
    warm(client, index.url, index.url + "?page=1")
    with commit():
        NewsPageFactory(parent=index, title="Нова новина").save_revision().publish()
    assert "Нова новина".encode() in client.get(index.url).content
    assert "Нова новина".encode() in client.get(index.url + "?page=1").content


def test_feeds_of_the_index_are_purged(client, page_cache, commit, index, news):
    feed = index.url + "rss/"
    warm(client, feed)
    news.title = "Оновлена назва"
    with commit():
        news.save_revision().publish()
    assert "Оновлена назва".encode() in client.get(feed).content


def test_unpublished_page_is_gone_at_the_next_request(client, page_cache, commit, index, news):
    warm(client, news.url, index.url)
    with commit():
        news.unpublish()
    assert client.get(news.url).status_code == 404
    assert "Сесія міської ради".encode() not in client.get(index.url).content


def test_deleted_page_is_gone_at_the_next_request(client, page_cache, commit, index, news):
    url = news.url
    warm(client, url, index.url)
    with commit():
        news.delete()
    assert client.get(url).status_code == 404
    assert "Сесія міської ради".encode() not in client.get(index.url).content


def test_moved_page_leaves_its_old_url_for_a_redirect(client, page_cache, commit, home_page, index, news):
    other = NewsIndexPageFactory(parent=home_page, title="Архів", slug="arkhiv")
    old_url = news.url
    warm(client, old_url)
    with commit():
        news.move(other, pos="last-child")
    new_url = type(news).objects.get(pk=news.pk).url
    response = client.get(old_url)
    assert response.status_code == 301  # Wagtail's automatic redirect, no longer the cached page
    assert response["Location"] == new_url
    assert client.get(new_url).status_code == 200


def test_a_page_in_the_menu_purges_every_page(client, page_cache, commit, home_page, news):
    about = StandardPageFactory(parent=home_page, title="Про раду", slug="pro-radu", show_in_menus=True)
    warm(client, news.url)
    about.title = "Про міську раду"
    with commit():
        about.save_revision().publish()
    response = client.get(news.url)
    assert response[HEADER] == "miss"
    assert "Про міську раду".encode() in response.content


def test_site_settings_change_purges_every_page(client, page_cache, commit, site, news):
    warm(client, news.url)
    settings_row = SiteSettings.for_site(site)
    settings_row.council_name = "Ніжинська міська рада Чернігівської області"
    with commit():
        settings_row.save()
    assert "Чернігівської області".encode() in client.get(news.url).content


def test_issuer_change_shows_on_its_acts(client, page_cache, commit, home_page):
    issuer = IssuerFactory(name="Виконавчий комітет")
    act = ActPageFactory(parent=ActIndexPageFactory(parent=home_page), issuer=issuer)
    warm(client, act.url)
    issuer.name = "Виконком"
    with commit():
        issuer.save()
    assert "Виконком".encode() in client.get(act.url).content


def test_an_amending_act_shows_on_the_act_it_amends(client, page_cache, commit, home_page):
    acts = ActIndexPageFactory(parent=home_page)
    amended = ActPageFactory(parent=acts, title="Про програму розвитку")
    warm(client, amended.url)
    amending = ActPageFactory(parent=acts, title="Про зміни до програми розвитку", live=False)
    amending.relations.create(kind="amends", target=amended)
    with commit():
        amending.save_revision().publish()
    response = client.get(amended.url)
    assert response[HEADER] == "miss"
    assert "Про зміни до програми розвитку".encode() in response.content


def test_editing_a_draft_purges_nothing(client, page_cache, commit, news):
    warm(client, news.url)
    news.title = "Чернетка"
    with commit():
        news.save_revision()
    response = Client().get(news.url)
    assert response[HEADER] == "hit"
    assert "Чернетка".encode() not in response.content
