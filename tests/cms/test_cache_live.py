"""The page cache through real HTTP (a live server, real commits) and on Redis."""

import os
import urllib.request

import pytest
import redis
from django.core.cache import cache

from cms.cache import HEADER
from cms.models import SiteSettings
from tests.factories import NewsIndexPageFactory, NewsPageFactory

REDIS_URL = "redis://127.0.0.1:6379/5"
# Two test runs may share the Redis database (make test runs SQLite and PostgreSQL side by side): each
# keeps to its own keys and deletes only those, never the whole database.
KEY_PREFIX = f"radasite-test-page-cache-{os.getpid()}"


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.headers, response.read().decode()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_published_change_is_served_at_the_next_http_request(live_server, settings, site, home_page):
    settings.PAGE_CACHE_ENABLED = True
    # Created on the first request otherwise, and its creation purges everything (a site-wide model).
    SiteSettings.for_site(site)
    news = NewsPageFactory(parent=NewsIndexPageFactory(parent=home_page), title="Перша назва")
    url = live_server.url + news.url
    fetch(url)
    headers, body = fetch(url)
    assert headers[HEADER] == "hit"
    assert "Перша назва" in body

    news.title = "Друга назва"
    news.save_revision().publish()  # commits for real: the purge runs on commit

    headers, body = fetch(url)
    assert headers[HEADER] == "miss"
    assert "Друга назва" in body
    headers, body = fetch(live_server.url + news.get_parent().url)
    assert "Друга назва" in body


def redis_available():
    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError:
        return False


@pytest.mark.skipif(not redis_available(), reason="no Redis at 127.0.0.1:6379")
def test_the_cache_works_on_redis(client, settings, home_page, django_capture_on_commit_callbacks):
    settings.PAGE_CACHE_ENABLED = True
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": KEY_PREFIX,
        }
    }
    cache.delete_pattern("*")
    news = NewsPageFactory(parent=NewsIndexPageFactory(parent=home_page), title="Новина з Redis")
    client.get(news.url)
    assert client.get(news.url)[HEADER] == "hit"
    news.title = "Оновлена новина з Redis"
    with django_capture_on_commit_callbacks(execute=True):
        news.save_revision().publish()
    response = client.get(news.url)
    assert response[HEADER] == "miss"
    assert "Оновлена новина з Redis".encode() in response.content
    cache.delete_pattern("*")
