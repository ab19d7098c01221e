"""One fetch run over several sources, against a site of our own on 127.0.0.1: an article address is
requested once per run, and a failure is told once, with the address and the sources that announced it;
feeds whose declared charset is wrong, a redirect to https that fails, a server that drips its answer,
and a feed of 5,000 items read a hundred at a time."""

import contextlib
import io
import time

import pytest
from django.core.management import call_command

from monitoring.client import PoliteClient
from monitoring.fetch import FetchRun, fetch_source
from monitoring.matching import WatchList
from monitoring.models import Article, FetchStatus, Source, SourceKind

from .server import QuietHandler, base_url, media_site

pytestmark = pytest.mark.django_db

PAGE = (
    '<!doctype html><html><head><meta charset="utf-8"><title>{title}</title></head><body><article>'
    "<h1>{title}</h1><p>Ніжинська міська рада повідомляє мешканцям про {title}: подробиці на сайті "
    "ради та в наступних випусках нашого видання, стежте за новинами.</p></article></body></html>"
)


def rss(base, *paths, encoding="utf-8"):
    items = "".join(f"<item><title>Новина {p}</title><link>{base}{p}</link></item>" for p in paths)
    channel = f"<channel><title>t</title>{items}</channel>"
    return f'<?xml version="1.0" encoding="{encoding}"?><rss version="2.0">{channel}</rss>'


class Handler(QuietHandler):
    def do_GET(self):  # noqa: N802 (the name http.server calls)
        path = self.path.split("?")[0]
        self.server.hits.append(path)
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if path == "/robots.txt":
            return self.send(200, b"User-agent: *\nAllow: /\n", "text/plain")
        if path == "/twice.xml":  # the same dead link twice (once with a tracking parameter), one good
            body = rss(base, "/gone", "/news/1", "/gone?utm_source=rss", "/broken")
            return self.send(200, body.encode(), "application/rss+xml")
        if path == "/other.xml":  # another feed of the run announces the same dead links
            return self.send(200, rss(base, "/gone", "/broken", "/news/2").encode(), "application/rss+xml")
        if path.startswith("/news/"):
            return self.send(200, PAGE.format(title=path).encode())
        if path == "/says-utf8.xml":  # windows-1251 bytes, declared UTF-8 in the header and the prolog
            body = rss(base, "/news/Ніжин-1", "/news/Ніжин-2").encode("cp1251")
            return self.send(200, body, "application/rss+xml; charset=utf-8")
        if path == "/says-cp1251.xml":  # UTF-8 bytes declared windows-1251 in the prolog
            body = rss(base, "/news/Ніжин-3", encoding="windows-1251").encode()
            return self.send(200, body, "application/rss+xml")
        if path == "/to-https.xml":  # the site moved to https, which this server does not speak
            return self.send(301, headers=[("Location", base.replace("http:", "https:") + path)])
        if path == "/drip.xml":  # the headers at once, then a byte every 0.1 s: no single wait is long
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()
            with contextlib.suppress(OSError):
                for byte in rss(base, "/news/drip").encode():
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(0.1)
            return None
        if path == "/many.xml":  # 5,000 items, with an ETag a conditional GET would answer with 304
            if self.headers.get("If-None-Match") == '"many"':
                return self.send(304, headers=[("ETag", '"many"')])
            body = rss(base, *(f"/news/{n}" for n in range(5000))).encode()
            return self.send(200, body, "application/rss+xml", [("ETag", '"many"')])
        if path == "/broken":
            return self.send(503, b"busy")
        return self.send(404, b"not found")


@pytest.fixture(scope="module")
def site():
    with media_site(Handler) as server:
        server.base = base_url(server)
        yield server


@pytest.fixture
def client(site):
    site.hits.clear()
    with PoliteClient(timeout=0.5, host_delay=0, retries=1, sleep=lambda s: None) as c:
        yield c


def source(site, path, slug):
    return Source.objects.create(name=slug, slug=slug, kind=SourceKind.FEED, url=site.base + path)


def test_a_dead_link_listed_twice_in_a_feed_is_requested_once_and_reported_once(site, client):
    visnyk = source(site, "/twice.xml", "visnyk")
    new = fetch_source(source=visnyk, client=client, watch_list=WatchList([]))
    assert [n.article.url for n in new] == [site.base + "/news/1"]
    assert site.hits.count("/gone") == 1
    assert site.hits.count("/broken") == 2  # one request, retried once (a 503 is the server's trouble)
    visnyk.refresh_from_db()
    assert visnyk.last_status == FetchStatus.OK
    assert visnyk.last_error.splitlines() == [
        f"Сторінку не знайдено (HTTP 404): {site.base}/gone",
        f"Помилка сервера сайту (HTTP 503): {site.base}/broken",
    ]


def test_a_dead_link_of_two_feeds_in_one_run_is_requested_once_and_reported_with_both(site, client):
    run, watch_list = FetchRun(), WatchList([])
    for each in (source(site, "/twice.xml", "visnyk"), source(site, "/other.xml", "oblast")):
        fetch_source(source=each, client=client, watch_list=watch_list, run=run)
    assert (site.hits.count("/gone"), site.hits.count("/broken")) == (1, 2)
    assert run.report() == [
        f"Сторінку не знайдено (HTTP 404): {site.base}/gone (джерела: visnyk, oblast)",
        f"Помилка сервера сайту (HTTP 503): {site.base}/broken (джерела: visnyk, oblast)",
    ]
    # Each source still says which of its articles could not be read.
    assert f"{site.base}/gone" in Source.objects.get(slug="oblast").last_error
    assert Article.objects.count() == 2


def test_the_command_reports_each_unreadable_article_once_with_its_sources(site, client):
    source(site, "/twice.xml", "visnyk")
    source(site, "/other.xml", "oblast")
    out, err = io.StringIO(), io.StringIO()
    call_command("fetch_media", "--delay", "0", "--timeout", "0.5", stdout=out, stderr=err)
    assert err.getvalue().splitlines() == [
        f"Сторінку не знайдено (HTTP 404): {site.base}/gone (джерела: oblast, visnyk)",
        f"Помилка сервера сайту (HTTP 503): {site.base}/broken (джерела: oblast, visnyk)",
    ]
    assert site.hits.count("/gone") == 1 and len(out.getvalue().splitlines()) == 2


def fetch(site, client, path, slug="visnyk", run=None):
    src = Source.objects.filter(slug=slug).first() or source(site, path, slug)
    new = fetch_source(source=src, client=client, watch_list=WatchList([]), run=run)
    src.refresh_from_db()
    return src, new


@pytest.mark.parametrize("path", ["/says-utf8.xml", "/says-cp1251.xml"])
def test_a_feed_whose_declared_charset_is_wrong_is_read_in_its_real_one(site, client, path):
    src, new = fetch(site, client, path)
    assert src.last_status == FetchStatus.OK and new
    assert all(n.article.title.startswith("Новина /news/Ніжин-") for n in new), [n.article.title for n in new]


def test_a_redirect_to_https_that_fails_names_both_addresses(site, client):
    src, _new = fetch(site, client, "/to-https.xml")
    assert src.last_status == FetchStatus.ERROR
    assert src.last_error == (
        f"Не вдалося встановити захищене з'єднання (HTTPS) із сайтом: {site.base.replace('http:', 'https:')}"
        f"/to-https.xml (сюди переадресовано з {site.base}/to-https.xml)"
    )


def test_an_answer_dripping_a_byte_at_a_time_is_cut_at_the_total_timeout(site):
    with PoliteClient(timeout=0.5, total_timeout=1, host_delay=0, retries=0) as client:
        src, new = fetch(site, client, "/drip.xml")
    assert new == [] and src.last_status == FetchStatus.ERROR
    assert src.last_error == f"Відповідь надходила довше за 1 с; читання перервано: {site.base}/drip.xml"


def test_a_feed_of_5000_items_is_read_a_few_a_run_and_never_twice(site, client):
    first, _new = fetch(site, client, "/many.xml", run=FetchRun(max_new=3))
    assert first.last_status == FetchStatus.OK
    assert (
        first.last_error
        == "Прочитано нових публікацій: 3; решту (4997) буде прочитано під час наступних перевірок"
    )
    assert first.etag == ""  # or the next run would get a 304 and never read the rest
    run = FetchRun(max_new=4)
    again, new = fetch(site, client, "/many.xml", run=run)
    assert [n.article.url for n in new] == [f"{site.base}/news/{n}" for n in range(3, 7)]
    assert run.report() == [
        "visnyk: Прочитано нових публікацій: 4; решту (4993) буде прочитано під час наступних перевірок"
    ]
    assert Article.objects.count() == 7
    assert sorted(hit for hit in site.hits if hit.startswith("/news/")) == sorted(
        f"/news/{n}" for n in range(7)
    )
