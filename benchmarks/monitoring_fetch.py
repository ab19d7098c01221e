"""Articles per second and peak memory of fetching and analysing local articles (issue 16).

    /work/main/.venv/bin/python benchmarks/monitoring_fetch.py [--articles 5000]

A local server on 127.0.0.1 serves two RSS feeds (even and odd articles) and N article pages (about
230 Ukrainian words each; every tenth, in the odd feed, reprints one of the even feed).
``fetch_source`` reads them all through the polite client (robots.txt, streaming, charset,
trafilatura), fingerprints them, looks for near-duplicates across sources and matches them against
a watch list of 20 phrases, into a throw-away test database.
The per-host delay is 0 (it is a politeness wait, not work).

Memory is the process's own high-water mark, ``VmHWM`` from /proc/self/status, read before and after
the run. Not ``ru_maxrss``: Linux carries it over fork and exec, so a script started from a large
parent (pytest, make) would report the parent's peak.
"""

import argparse
import os
import random
import re
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from monitoring.client import PoliteClient  # noqa: E402
from monitoring.fetch import fetch_source  # noqa: E402
from monitoring.matching import WatchList  # noqa: E402
from monitoring.models import Article, Mention, Source, WatchEntry, WatchKind  # noqa: E402

SENTENCES = [
    "Депутати міської ради на сесії розглянули питання про тарифи на теплопостачання",
    "Мешканці звернулися до міського голови щодо ремонту доріг на вулиці Шевченка",
    "Виконавчий комітет затвердив план благоустрою парку імені Шевченка",
    "Громадська організація провела толоку біля озера Мильне",
    "Рішення № 4-49/2018 про правила благоустрою втратило чинність",
    "У ліцеї відкрили нову спортивну залу для учнів старших класів",
    "Комісія з питань бюджету погодила зміни до програми розвитку культури",
    "Ніжинські огірки представили на обласному ярмарку виробників",
]
PHRASES = [
    "міський голова", "ремонт доріг", "тарифи", "виконавчий комітет", "благоустрій", "бюджет", "толока",
    "спортивна зала", "програма розвитку", "сесія", "озеро Мильне", "ярмарок", "теплопостачання",
    "комісія з питань бюджету", "громадська організація", "ліцей", "парк", "культура", "учні", "правила",
]  # fmt: skip


VOCABULARY = sorted({word for sentence in SENTENCES for word in sentence.split()})


def article_text(n: int) -> str:
    """Two real sentences (mentions to find) in about 230 words drawn at random: distinct texts."""
    n = n - 9 if n % 10 == 9 else n  # every tenth article reprints an earlier one (of the other feed)
    rng = random.Random(n)
    filler = " ".join(rng.choice(VOCABULARY) for _ in range(220))
    return f"{SENTENCES[n % 8]}. {filler}. {SENTENCES[(n + 3) % 8]}."


def high_water_mb() -> float:
    """The peak resident set of this process so far (``VmHWM``), in MB; 0 where /proc is absent."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return 0.0
    match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    return int(match.group(1)) / 1024 if match else 0.0


def make_handler(count: int):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):  # noqa: N802
            if self.path == "/robots.txt":
                body, kind = b"User-agent: *\nAllow: /\n", "text/plain"
            elif self.path.startswith("/rss"):
                part = int(self.path[4])  # /rss0.xml: even articles, /rss1.xml: odd ones
                base = f"http://127.0.0.1:{self.server.server_address[1]}"
                items = "".join(
                    f"<item><title>Новина {n}</title><link>{base}/a/{n}</link></item>"
                    for n in range(part, count, 2)
                )
                body = f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'
                body, kind = body.encode(), "application/rss+xml"
            else:
                n = int(self.path.rsplit("/", 1)[1])
                html = f"<html><body><article><h1>Новина {n}</h1><p>{article_text(n)}</p></article>"
                body, kind = (html + "</body></html>").encode(), "text/html; charset=utf-8"
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(args.articles))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        for phrase in PHRASES:
            WatchEntry.objects.create(kind=WatchKind.TOPIC, phrase=phrase)
        sources = [
            Source.objects.create(
                name=f"bench{part}",
                slug=f"bench{part}",
                url=f"http://127.0.0.1:{server.server_address[1]}/rss{part}.xml",
            )
            for part in (0, 1)
        ]
        watch_list = WatchList.load()
        watch_list.match("Міський голова")  # load the morphological dictionaries before measuring
        load_before = os.getloadavg()
        peak_before = high_water_mb()
        new = []
        with PoliteClient(host_delay=0, max_bytes=50_000_000) as client:
            start = time.perf_counter()
            for source in sources:
                new += fetch_source(source=source, client=client, watch_list=watch_list)
            elapsed = time.perf_counter() - start
        peak_mb = high_water_mb()
        duplicates = Article.objects.filter(duplicate_of__isnull=False).count()
        print(f"monitoring fetch benchmark: {args.articles} articles, {connection.vendor}")
        print(f"  stored {len(new)} articles in {elapsed:.1f} s: {len(new) / elapsed:.1f} articles/s")
        print(f"  mentions {Mention.objects.count()}, near-duplicates {duplicates}")
        print(f"  peak resident memory (VmHWM) {peak_before:.0f} MB before the run, {peak_mb:.0f} MB after")
        print(f"  load average before {load_before}, after {os.getloadavg()}")
    finally:
        server.shutdown()
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
