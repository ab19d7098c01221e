"""The public page cache: what is stored, what is never served from it, and its headers."""

import pytest
from django.http import HttpResponse
from django.test import Client
from wagtail.models import PageViewRestriction

from cms.cache import HEADER, cacheable, section_of
from tests.factories import NewsIndexPageFactory, NewsPageFactory


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    return settings


@pytest.fixture
def news(home_page):
    index = NewsIndexPageFactory(parent=home_page)
    return NewsPageFactory(parent=index, title="Сесія міської ради")


def test_anonymous_page_is_stored_then_served_from_the_cache(client, page_cache, news):
    first = client.get(news.url)
    second = client.get(news.url)
    assert first.status_code == second.status_code == 200
    assert first[HEADER] == "miss"
    assert second[HEADER] == "hit"
    assert second.content == first.content


def test_cached_page_says_shared_caches_may_keep_it_and_it_varies_by_cookie(client, page_cache, news):
    response = client.get(news.url)
    control = response["Cache-Control"]
    assert "public" in control
    assert "s-maxage=600" in control
    assert "max-age=0" in control
    assert "Cookie" in response["Vary"]


def test_query_string_variants_are_cached_apart(client, page_cache, news):
    index = news.get_parent()
    client.get(index.url + "?page=1")
    assert client.get(index.url)[HEADER] == "miss"
    assert client.get(index.url + "?page=1")[HEADER] == "hit"


def test_the_cache_can_be_switched_off(client, settings, news):
    settings.PAGE_CACHE_ENABLED = False
    client.get(news.url)
    response = client.get(news.url)
    assert HEADER not in response
    assert "private" in response["Cache-Control"]


def test_logged_in_editor_is_never_served_from_the_cache(page_cache, editor_client, news):
    Client().get(news.url)  # an anonymous visitor fills the cache
    response = editor_client.get(news.url)
    assert HEADER not in response
    assert "private" in response["Cache-Control"]


def test_an_editors_page_is_not_stored_for_visitors(page_cache, editor_client, news):
    editor_client.get(news.url)
    response = Client().get(news.url)
    assert response[HEADER] == "miss"
    assert b"wagtail-userbar" not in response.content


def test_a_visitor_with_a_csrf_cookie_bypasses_the_cache(page_cache, client, news):
    client.get(news.url)
    client.cookies["csrftoken"] = "x" * 32
    response = client.get(news.url)
    assert HEADER not in response


def test_search_is_never_served_from_the_cache(client, page_cache, news):
    client.get("/search/?q=сесія")
    response = client.get("/search/?q=сесія")
    assert response.status_code == 200
    assert HEADER not in response
    assert "private" in response["Cache-Control"]


def test_post_is_never_served_from_the_cache(client, page_cache, news):
    client.get(news.url)
    response = client.post(news.url, {"x": "1"})
    assert HEADER not in response


def test_admin_preview_is_never_stored(page_cache, editor_client, news):
    news.title = "Чернетка, яку бачить лише редактор"
    revision = news.save_revision()
    preview = editor_client.get(f"/admin/pages/{news.pk}/revisions/{revision.pk}/view/")
    assert "Чернетка".encode() in preview.content
    response = Client().get(news.url)
    assert response[HEADER] == "miss"
    assert "Чернетка".encode() not in response.content


def test_restricted_page_is_not_stored(client, page_cache, news):
    PageViewRestriction.objects.create(page=news, restriction_type="password", password="secret")
    first = client.get(news.url)
    second = client.get(news.url)
    assert HEADER not in first and HEADER not in second
    assert "Сесія".encode() not in second.content


def test_not_found_is_not_stored(client, page_cache, home_page):
    client.get("/nema-takoi/")
    assert HEADER not in client.get("/nema-takoi/")


def test_sitemap_is_cached(client, page_cache, news):
    client.get("/sitemap.xml")
    assert client.get("/sitemap.xml")[HEADER] == "hit"


def test_a_cache_hit_runs_no_query(client, page_cache, news, django_assert_num_queries):
    client.get(news.url)
    with django_assert_num_queries(0):
        response = client.get(news.url)
    assert response[HEADER] == "hit"


def test_a_views_own_max_age_is_kept(client, page_cache, db):
    response = client.get("/robots.txt")
    assert "max-age=86400" in response["Cache-Control"]
    assert "s-maxage=600" in response["Cache-Control"]
    assert client.get("/robots.txt")[HEADER] == "hit"


@pytest.mark.parametrize(("path", "stored"), [("/deputaty/boiko/", True), ("/novyny/zvit/", False)])
def test_a_cacheable_view_is_stored_only_under_a_section_that_purges_it(rf, page_cache, path, stored):
    @cacheable
    def view(request):
        return HttpResponse("ok")

    request = rf.get(path)
    view(request)
    assert getattr(request, "page_cache_allowed", False) is stored
    assert section_of(path) == ("council" if stored else None)
