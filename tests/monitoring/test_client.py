"""The polite client against the local fixture site: every rule of good manners, no internet."""

import pytest

from monitoring.client import USER_AGENT, FetchError, PoliteClient, decode
from tests.search.servers import closed_port_url

from .server import CP1251_TEXT


def test_requests_say_who_we_are(media, polite):
    polite.get(media.url("/articles/one"))
    headers = media.server.hits[-1][1]
    assert headers["User-Agent"] == USER_AGENT


def test_conditional_get_with_the_etag_gets_304(media, polite):
    first = polite.get(media.url("/etag.xml"))
    again = polite.get(media.url("/etag.xml"), etag=first.etag)
    assert (first.status, first.etag, again.status) == (200, '"v1"', 304)
    assert again.not_modified and again.content == b""


def test_a_server_slower_than_the_timeout_fails_after_retries(media, polite):
    with pytest.raises(FetchError, match="Сайт не відповів за 0.5 с"):
        polite.get(media.url("/slow"))
    assert media.hits.count("/slow") == 3


def test_a_500_is_retried_with_growing_back_off_then_fails(media, polite):
    with pytest.raises(FetchError, match=r"Помилка сервера сайту \(HTTP 500\)"):
        polite.get(media.url("/error"))
    assert media.hits.count("/error") == 3
    assert polite.sleeps == [1.0, 2.0]


def test_a_404_is_not_retried(media, polite):
    with pytest.raises(FetchError, match=r"Сторінку не знайдено \(HTTP 404\)"):
        polite.get(media.url("/missing"))
    assert media.hits.count("/missing") == 1


def test_a_redirect_loop_fails_without_retrying(media, polite):
    with pytest.raises(FetchError, match="Забагато переадресацій"):
        polite.get(media.url("/loop"))
    assert media.hits.count("/loop") <= 4


def test_a_body_over_the_cap_is_abandoned_early(media, polite):
    with pytest.raises(FetchError, match="читання перервано"):
        polite.get(media.url("/huge"))
    assert polite.max_bytes == 64 * 1024


def test_robots_txt_is_read_once_and_obeyed(media, polite):
    with pytest.raises(FetchError, match="robots.txt сайту забороняє"):
        polite.get(media.url("/private/secret"))
    polite.get(media.url("/articles/one"))
    assert "/private/secret" not in media.hits
    assert media.hits.count("/robots.txt") == 1


def test_an_unreachable_robots_txt_disallows_the_host(polite):
    assert polite.allowed(closed_port_url() + "/page") is False


def test_requests_to_one_host_are_spaced_by_the_delay(media):
    sleeps, now = [], [100.0]
    with PoliteClient(host_delay=2.0, sleep=sleeps.append, clock=lambda: now[0]) as polite:
        polite.get(media.url("/articles/one"))  # robots.txt, then the article: one wait between
        polite.get(media.url("/articles/two"))
    assert sleeps == [2.0, 2.0]


def test_a_cp1251_page_declared_only_in_its_meta_decodes_right(media, polite):
    page = polite.get(media.url("/cp1251"))
    assert CP1251_TEXT in page.text


def test_an_undeclared_cp1251_body_is_detected():
    body = ("<p>" + CP1251_TEXT + "</p>").encode("cp1251")
    assert CP1251_TEXT in decode(body, "text/html")
