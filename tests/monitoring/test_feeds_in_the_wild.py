"""Feeds as Ukrainian media really publish them, and servers as they really fail, on 127.0.0.1.

A site of its own (not the fixture site of ``server.py``): windows-1251 declared only in the XML
prolog and served with a wrong charset header, entities and CDATA in titles, dates in «EET», «EEST»,
«+0200» and «GMT», no date, a GUID repeated, one article in two feeds; and a refused connection, a
404, a 500, a loop, a slow answer and a 20 MB one — each failure reported to the editors in Ukrainian.
"""

import contextlib
import datetime
import socket
import time

import pytest

from monitoring.client import PoliteClient, decode
from monitoring.fetch import fetch_source
from monitoring.matching import WatchList
from monitoring.models import Article, FetchStatus, Source, SourceKind

from .server import QuietHandler, base_url, media_site

pytestmark = pytest.mark.django_db

BODY = (
    "Ніжинська міська рада на позачерговій сесії розглянула питання {n}: депутати обговорили "
    "звернення мешканців, бюджетні зміни та ремонт шкіл, а рішення оприлюднять на сайті ради."
)
PAGE = (
    '<!doctype html><html><head><meta charset="utf-8"><title>{title}</title></head><body>'
    "<article><h1>{title}</h1><p>{body}</p></article></body></html>"
)
CP1251_FEED = """<?xml version="1.0" encoding="windows-1251"?>
<rss version="2.0"><channel><title>Ніжинський вісник</title><link>{base}/</link>
<description>Новини</description>
<item><title>Сесія&nbsp;ради: &laquo;бюджет&raquo; ухвалено</title><link>{base}/news/1</link>
<guid>news-1</guid><pubDate>Fri, 04 Dec 2026 23:30:00 EET</pubDate></item>
<item><title><![CDATA[Тарифи на воду <b>зростуть</b> &amp; опалення]]></title><link>{base}/news/2</link>
<guid>news-1</guid><pubDate>Mon, 06 Jul 2026 00:30:00 EEST</pubDate></item>
<item><title>Без дати</title><link>{base}/news/3</link>
<description><![CDATA[<p>Коротко&nbsp;про <a href="/x">подію</a></p>]]></description></item>
<item><title>Зсув +0200</title><link>{base}/news/4</link>
<pubDate>Sat, 05 Dec 2026 00:10:00 +0200</pubDate></item>
<item><title>За Гринвічем</title><link>{base}/news/5</link>
<pubDate>Sat, 5 Dec 2026 10:00:00 GMT</pubDate></item>
</channel></rss>"""
ATOM_ELSEWHERE = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Обласні новини</title><id>urn:oblast</id><updated>2026-12-05T12:00:00Z</updated>
<entry><title>Сесія ради (передрук)</title><id>urn:1</id><link href="{base}/news/1?utm_source=oblast"/>
<updated>2026-12-05T12:00:00Z</updated></entry></feed>"""


class Handler(QuietHandler):
    def do_GET(self):  # noqa: N802 (the name http.server calls)
        path = self.path.split("?")[0]
        self.server.hits.append(path)
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if path == "/robots.txt":
            return self.send(200, b"User-agent: *\nAllow: /\n", "text/plain")
        if path == "/cp1251.xml":  # the header lies: the prolog is right
            body = CP1251_FEED.format(base=base).encode("cp1251")
            return self.send(200, body, "text/html; charset=utf-8")
        if path == "/oblast.xml":
            return self.send(200, ATOM_ELSEWHERE.format(base=base).encode(), "application/atom+xml")
        if path.startswith("/news/"):
            n = path.rsplit("/", 1)[1]
            body = PAGE.format(title=f"Новина {n}", body=BODY.format(n=n)).encode()
            return self.send(200, body)
        if path == "/moved.xml":  # links through a redirect (http to https, ?p=ID to the permalink…)
            items = "".join(
                f"<item><title>Новина {n}</title><link>{base}/moved/{n}</link></item>" for n in (7, 8)
            )
            body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'
            return self.send(200, body.encode(), "application/rss+xml")
        if path.startswith("/moved/"):
            return self.send(301, headers=[("Location", "/news/" + path.rsplit("/", 1)[1])])
        if path == "/gone.xml":
            return self.send(404, b"not found")
        if path == "/broken.xml":
            return self.send(500, b"oops")
        if path == "/loop.xml":
            return self.send(302, headers=[("Location", "/loop.xml")])
        if path == "/slow.xml":
            time.sleep(1.5)
            return self.send(200, b"late")
        if path == "/huge.xml":  # 20 MB announced and sent
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(20 * 1024 * 1024))
            self.end_headers()
            with contextlib.suppress(OSError):
                for _ in range(320):
                    self.wfile.write(b" " * 65536)
            return None
        return self.send(404, b"not found")


@pytest.fixture(scope="module")
def site():
    with media_site(Handler) as server:
        server.base = base_url(server)
        yield server


@pytest.fixture
def client():
    with PoliteClient(timeout=0.5, max_bytes=1024 * 1024, host_delay=0, retries=1, sleep=lambda s: None) as c:
        yield c


def source(url, slug="visnyk"):
    return Source.objects.create(name=slug, slug=slug, kind=SourceKind.FEED, url=url)


def fetch(src, client):
    new = fetch_source(source=src, client=client, watch_list=WatchList([]))
    src.refresh_from_db()
    return new


def utc(*args):
    return datetime.datetime(*args, tzinfo=datetime.UTC)


def test_a_cp1251_feed_with_a_lying_header_entities_cdata_and_eastern_european_zones(site, client):
    new = fetch(source(site.base + "/cp1251.xml"), client)
    assert Source.objects.get().last_status == FetchStatus.OK
    by_path = {n.article.url.rsplit("/", 1)[1]: n.article for n in new}
    assert sorted(by_path) == ["1", "2", "3", "4", "5"]  # the repeated GUID does not hide an article
    assert by_path["1"].title == "Сесія ради: «бюджет» ухвалено"
    assert by_path["2"].title == "Тарифи на воду зростуть & опалення"
    # 23:30 EET is 21:30 UTC (still 4 December in Kyiv), 00:30 EEST is 21:30 UTC the day before.
    assert by_path["1"].published == utc(2026, 12, 4, 21, 30)
    assert by_path["2"].published == utc(2026, 7, 5, 21, 30)
    assert by_path["4"].published == utc(2026, 12, 4, 22, 10)
    assert by_path["5"].published == utc(2026, 12, 5, 10, 0)
    assert "позачерговій сесії" in by_path["3"].text


def test_the_same_article_in_two_feeds_and_two_runs_is_read_once(site, client):
    fetch(source(site.base + "/cp1251.xml"), client)
    site.hits.clear()
    assert fetch(source(site.base + "/oblast.xml", slug="oblast"), client) == []
    assert fetch(Source.objects.get(slug="visnyk"), client) == []
    assert not [hit for hit in site.hits if hit.startswith("/news/")]
    assert Article.objects.count() == 5


def test_an_article_announced_through_a_redirect_is_not_read_again_at_the_next_run(site, client):
    moved = source(site.base + "/moved.xml", slug="moved")
    assert [n.article.url for n in fetch(moved, client)] == [site.base + "/news/7", site.base + "/news/8"]
    site.hits.clear()
    assert fetch(moved, client) == []
    assert site.hits == ["/moved.xml"]
    assert Article.objects.count() == 2


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/gone.xml", "Сторінку не знайдено (HTTP 404)"),
        ("/broken.xml", "Помилка сервера сайту (HTTP 500)"),
        ("/loop.xml", "Забагато переадресацій"),
        ("/slow.xml", "Сайт не відповів за 0.5 с"),
        ("/huge.xml", "Відповідь більша за 1048576 байтів; читання перервано"),
    ],
)
def test_each_failure_is_recorded_in_ukrainian_and_the_run_goes_on(site, client, path, expected):
    broken = source(site.base + path, slug="broken")
    assert fetch(broken, client) == []
    assert broken.last_status == FetchStatus.ERROR
    assert broken.last_error.startswith(expected)
    assert len(fetch(source(site.base + "/cp1251.xml"), client)) == 5


def test_a_refused_connection_says_the_site_is_unreachable_not_that_robots_txt_forbids_it(client):
    """robots.txt could not be read because nothing answers: the editor must learn that, not «robots»."""
    down = source(f"http://127.0.0.1:{closed_port()}/rss.xml", slug="down")
    fetch(down, client)
    assert down.last_status == FetchStatus.ERROR
    assert "Сайт недоступний (не вдалося з'єднатися)" in down.last_error
    assert "robots.txt" not in down.last_error


def test_failures_are_in_ukrainian_whatever_language_is_active(site, client, settings):
    from django.utils import translation

    with translation.override("en"):
        broken = source(site.base + "/gone.xml", slug="broken")
        fetch(broken, client)
    assert broken.last_error.startswith("Сторінку не знайдено")


@pytest.mark.parametrize("header", ['text/html; charset="windows-1251"', "text/html; Charset = 'cp1251'"])
def test_a_quoted_charset_in_the_header_is_obeyed(header):
    """A short page without ``<meta charset>``: detection alone would garble it."""
    page = "<title>Ніжин: тарифи</title><p>Ціни зросли.</p>"
    assert decode(page.encode("cp1251"), header) == page
