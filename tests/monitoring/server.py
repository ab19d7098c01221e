"""A local site of media fixtures on 127.0.0.1: feeds, pages, and every way a server misbehaves."""

import contextlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARTICLE = """<!doctype html><html><head><meta charset="utf-8"><title>{title}</title></head><body>
<header><nav><a href="/">Головна</a> <a href="/news/">Новини</a></nav></header>
<article><h1>{title}</h1><p>{body}</p>
<p>Редакція стежить за розвитком подій і повідомить читачам про подальші новини найближчим
часом, а поки що радить підписатися на нашу розсилку.</p></article>
<footer>© Ніжинський вісник</footer></body></html>"""

ARTICLES = {
    "/articles/one": (
        "Звернення до міського голови",
        "Мешканці вулиці Шевченка надіслали звернення міському голові щодо ремонту доріг у їхньому "
        "мікрорайоні, де асфальт не оновлювали понад двадцять років.",
    ),
    "/articles/two": (
        "Нові тарифи на воду",
        "Виконавчий комітет розглянув питання про тарифи на водопостачання та водовідведення, "
        "рішення № 4-49/2018 втратить чинність з першого січня.",
    ),
    "/articles/three": (
        "Сесія міської ради",
        "Депутати міської ради на черговій сесії ухвалили програму розвитку культури та туризму "
        "на наступні три роки після тривалого обговорення.",
    ),
    "/articles/four": (
        "Ярмарок у центрі міста",
        "У неділю на площі Івана Франка відбудеться різдвяний ярмарок місцевих виробників меду, "
        "сиру та знаменитих ніжинських огірків.",
    ),
    "/articles/five": (
        "Ярмарок у центрі міста",
        "У неділю на площі Івана Франка відбудеться різдвяний ярмарок місцевих виробників меду, "
        "сиру та знаменитих ніжинських огірків.",
    ),
}

RSS = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Вісник</title>
<link>{base}/</link><description>Новини</description>
<item><title>Звернення до міського голови</title><link>{base}/articles/one?utm_source=rss#top</link>
<pubDate>Fri, 04 Dec 2026 09:30:00 +0200</pubDate><description>Коротко</description></item>
<item><title>Нові тарифи на воду</title><link>{base}/articles/two/</link>
<pubDate>Sat, 05 Dec 2026 10:00:00 +0200</pubDate></item>
<item><title>Таємне</title><link>{base}/private/secret</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Обласні новини</title><id>urn:test</id><updated>2026-12-05T12:00:00Z</updated>
<entry><title>Сесія міської ради</title><id>urn:3</id><link href="{base}/articles/three"/>
<updated>2026-12-05T12:00:00Z</updated></entry>
<entry><title>Ярмарок</title><id>urn:5</id><link href="{base}/articles/five"/>
<updated>2026-12-06T08:00:00Z</updated></entry></feed>"""

NEWS_PAGE = """<!doctype html><html><head><meta charset="utf-8"></head><body>
<ul class="news"><li><a href="/articles/four">Ярмарок у центрі міста</a> <span>06.12.2026</span></li>
<li><a href="/articles/one">Звернення до міського голови</a> <span>04.12.2026</span></li>
<li><a href="/cp1251">Громадські слухання</a> <span>03.12.2026</span></li></ul>
<a href="/about">Про нас</a></body></html>"""

CP1251_TEXT = (
    "Ніжинська міська рада повідомляє: громадські слухання щодо проєкту бюджету відбудуться "
    "у залі засідань. Запрошуємо мешканців міста взяти участь і висловити свої пропозиції щодо "
    "ремонту доріг, освітлення вулиць та благоустрою дворів."
)
CP1251_PAGE = (
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
    f"<title>Громадські слухання</title></head><body><article><h1>Громадські слухання</h1><p>{CP1251_TEXT}"
    "</p></article></body></html>"
).encode("cp1251")

ROBOTS = "User-agent: *\nDisallow: /private/\n"
HUGE_BYTES = 50 * 1024 * 1024
SLOW_SECONDS = 2.0


class QuietHandler(BaseHTTPRequestHandler):
    """A handler that logs nothing and answers with ``send``; a test's server says what to send."""

    def log_message(self, *args):
        pass

    def send(self, status, body=b"", content_type="text/html; charset=utf-8", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


class Handler(QuietHandler):
    def do_GET(self):  # noqa: N802 (the name http.server calls)
        self.server.hits.append((self.path, dict(self.headers)))
        path = self.path.split("?")[0].split("#")[0]
        base = f"http://{self.server.server_address[0]}:{self.server.server_address[1]}"
        if path == "/robots.txt":
            return self.send(200, ROBOTS.encode(), "text/plain")
        if path == "/rss.xml":
            return self.send(200, RSS.format(base=base).encode(), "application/rss+xml")
        if path == "/atom.xml":
            return self.send(200, ATOM.format(base=base).encode(), "application/atom+xml")
        if path == "/etag.xml":
            if self.headers.get("If-None-Match") == '"v1"':
                return self.send(304, headers=[("ETag", '"v1"')])
            return self.send(200, RSS.format(base=base).encode(), "application/rss+xml", [("ETag", '"v1"')])
        if path in ("/news", "/news/"):
            return self.send(200, NEWS_PAGE.encode())
        if path.rstrip("/") in ARTICLES:
            title, body = ARTICLES[path.rstrip("/")]
            return self.send(200, ARTICLE.format(title=title, body=body).encode())
        if path == "/cp1251":
            return self.send(200, CP1251_PAGE, "text/html")
        if path == "/slow":
            time.sleep(SLOW_SECONDS)
            return self.send(200, b"late")
        if path == "/error":
            return self.send(500, b"server error")
        if path in ("/loop", "/loop2"):
            return self.send(302, headers=[("Location", "/loop2" if path == "/loop" else "/loop")])
        if path == "/huge":
            return self.huge()
        if path == "/not-a-feed.xml":
            return self.send(200, b"<html><body>Not a feed at all</body></html>", "application/rss+xml")
        return self.send(404, b"not found")

    def huge(self):
        """50 MB of body without a declared length, written lazily: a capped client hangs up early."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        chunk = b"x" * 65536
        try:
            for _ in range(HUGE_BYTES // len(chunk)):
                self.wfile.write(chunk)
                self.server.huge_sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # clients that hang up (timeouts, the size cap) are what the tests want


@contextlib.contextmanager
def media_site(handler=None):
    """The fixture site (or one of ``handler``), served from a thread for the duration of the block."""
    server = QuietServer(("127.0.0.1", 0), handler or Handler)
    server.hits, server.huge_sent = [], 0
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def base_url(server) -> str:
    host, port = server.server_address[:2]
    return f"http://{host}:{port}"
