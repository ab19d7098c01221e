"""Render speed of the public pages under gunicorn, each beside a bare Wagtail page of the same run.

    python benchmarks/render.py build          # once: migrate, 2,000 news and 2,000 acts, collectstatic
    python benchmarks/render.py run            # cache off, then on: requests/s, p50/p95/p99, errors
    python benchmarks/render.py run --worker-class gthread --threads 4
    python benchmarks/render.py profile        # pyinstrument of the uncached act and news pages
    python benchmarks/render.py profile --cprofile --sort tottime   # cProfile, CPU clock
    python benchmarks/render.py inprocess      # CPU ms per uncached request, in this process, × bare
    python benchmarks/render_floor.py          # the same request split: routing, template, base.html

    # a deputy's page at 60 deputies × 2,000 votes, on the database benchmarks/deputy_record.py built:
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/radasite_record_bench \
        python benchmarks/render.py run --url "deputy page=/deputaty/deputat-7/"

The database is ``DATABASE_URL`` (default: PostgreSQL ``radasite_production``), the cache Redis db 5
(``REDIS_URL``) when the cache is on. gunicorn serves ``settings.benchmark`` (``settings.production``
plus a template for the bare page) on 127.0.0.1 only; the load comes from wrk in a second process
(``--seconds`` per URL at ``--connections``, default 10 s at 32), so a run stays short on a shared
machine. The bare page is a plain ``wagtailcore.Page`` with a four-line template, served through
the same middleware (and so the same cache) as the others.
"""

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
VAR = ROOT / "var" / "bench_render"
DEFAULTS = {
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/radasite_production",
    "REDIS_URL": "redis://127.0.0.1:6379/5",
    "SECRET_KEY": "benchmark-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
    "ALLOWED_HOSTS": "127.0.0.1",
    "SECURE_SSL_REDIRECT": "0",
    "STATIC_ROOT": str(VAR / "static"),
    "MEDIA_ROOT": str(VAR / "media"),
    "DB_CONN_MAX_AGE": "60",
    "DJANGO_SETTINGS_MODULE": "settings.benchmark",
}
#: name -> path; filled in by ``build`` (var/bench_render/urls.json).
URLS_FILE = VAR / "urls.json"
LUA = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests": %d, "seconds": %f, "non_2xx": %d, "connect": %d, "read": %d, '
    .. '"write": %d, "timeout": %d, "p50": %f, "p95": %f, "p99": %f}\\n',
    summary.requests, summary.duration / 1e6, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
"""


def environment(**overrides):
    env = dict(os.environ)
    for key, value in DEFAULTS.items():
        env.setdefault(key, value)
    env.update({key: str(value) for key, value in overrides.items()})
    return env


def django_setup():
    os.environ.update(environment())
    import django

    django.setup()


def bench_search_module():
    """benchmarks/search.py: its bulk tree writer and Ukrainian sentence maker."""
    spec = importlib.util.spec_from_file_location("bench_search", ROOT / "benchmarks" / "search.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build(args):
    """Migrate, create the pages and what the measured pages show, index them, collect static files."""
    django_setup()
    import datetime
    import json as jsonlib
    import random
    import uuid

    from django.contrib.contenttypes.models import ContentType
    from django.core.files.base import ContentFile
    from django.core.management import call_command
    from django.db import connection
    from wagtail.models import Page

    from cms.bulk import index_in_bulk
    from cms.models import CouncilDocument
    from council.kinds import BallotChoice
    from council.models import AgendaItem, Ballot, Deputy, Meeting, Vote
    from council.tally import recount
    from pages.models import ActIndexPage, ActPage, ActType, HomePage, NewsIndexPage, NewsPage
    from tests.factories import minimal_pdf

    call_command("migrate", verbosity=0)
    if Page.objects.filter(slug="bare").exists():
        print("already built")
        return
    bench = bench_search_module()
    rng = random.Random(11)
    forms = bench.inflector()
    home = HomePage.objects.first()
    acts = home.add_child(instance=ActIndexPage(title="Документи", slug="dokumenty"))
    news = home.add_child(instance=NewsIndexPage(title="Новини", slug="novyny"))
    home.add_child(instance=Page(title="Bare", slug="bare"))

    def date():
        return datetime.date(2015, 1, 1) + datetime.timedelta(days=rng.randrange(3650))

    def body(paragraphs):
        return jsonlib.dumps(
            [
                {
                    "type": "paragraph",
                    "id": str(uuid.uuid4()),
                    "value": f"<p>{bench.sentence(rng, forms, 30)}</p>",
                }
                for _ in range(paragraphs)
            ]
        )

    act_rows = [
        {
            "title": "Про " + bench.sentence(rng, forms, 6),
            "number": f"{rng.randrange(1, 99)}-{i}/20{rng.randrange(15, 25)}",
            "summary": bench.sentence(rng, forms, 20),
            "body": f"<p>{' '.join(bench.sentence(rng, forms) for _ in range(8))}</p>",
            "act_type": rng.choice(list(ActType.values)),
            "date": date(),
            "attachments": "[]",
        }
        for i in range(args.acts)
    ]
    news_rows = [
        {
            "title": bench.sentence(rng, forms, 7),
            "lead": bench.sentence(rng, forms, 20),
            "date": date(),
            "body": body(4),
            "attachments": "[]",
            "related_pages": "[]",
        }
        for _ in range(args.news)
    ]
    bench.bulk_pages(acts, ActPage, act_rows, ct=ContentType.objects.get_for_model(ActPage))
    bench.bulk_pages(news, NewsPage, news_rows, ct=ContentType.objects.get_for_model(NewsPage))
    # The measured act: a council decision with a roll-call vote of 34 deputies and three attachments.
    documents = [
        CouncilDocument.objects.create(
            title=f"Додаток {n}", file=ContentFile(minimal_pdf(), name=f"dodatok-{n}.pdf")
        )
        for n in range(1, 4)
    ]
    act = ActPage.objects.filter(depth=acts.depth + 1).order_by("-date").first()
    act.attachments = jsonlib.dumps(
        [
            {
                "type": "attachment",
                "id": str(uuid.uuid4()),
                "value": {"document": doc.pk, "title": "", "kind": "scan"},
            }
            for doc in documents
        ]
    )
    act.save()
    # The act's roll-call vote as the council records it: a session, an agenda item, 34 ballots,
    # 30 of them linked to deputy records (their names link to the deputies' pages), 4 as recorded.
    meeting = Meeting.objects.create(
        kind="plenary",
        status="held",
        starts_at=datetime.datetime.combine(act.date, datetime.time(8, 0), tzinfo=datetime.UTC),
    )
    item = AgendaItem.objects.create(meeting=meeting, title=act.title, decision=act)
    vote = Vote.objects.create(agenda_item=item, position=1)
    deputies = Deputy.objects.bulk_create(
        Deputy(full_name=f"Депутат {n:02d} Бенчмаркович", slug=f"deputat-{n:02d}") for n in range(30)
    )
    choices = list(BallotChoice.values)
    Ballot.objects.bulk_create(
        Ballot(
            vote=vote,
            deputy=deputies[n] if n < len(deputies) else None,
            recorded_name=f"Депутат {n:02d}",
            choice=choices[n % len(choices)],
            sort_order=n,
        )
        for n in range(34)
    )
    recount(vote)
    for model in (ActPage, NewsPage):
        index_in_bulk(model, model.objects.values_list("pk", flat=True), chunk_size=500)
    # The planner's statistics, as autovacuum would have them on a live site: without them PostgreSQL
    # took the 4,000 new rows for one and sorted every news item for the home page's six (6.7 ms).
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    call_command("collectstatic", interactive=False, verbosity=0)
    story = NewsPage.objects.order_by("-date").first()
    urls = {
        "bare": "/bare/",
        "home": "/",
        "news page": story.url,
        "news index": news.url,
        "act page": act.url,
        "search": "/search/?q=" + urllib.parse.quote("рішення бюджет"),
    }
    URLS_FILE.write_text(json.dumps(urls, ensure_ascii=False, indent=1))
    print(json.dumps(urls, ensure_ascii=False, indent=1))


def start_server(*, port, cache, worker_class, workers, threads):
    """gunicorn on 127.0.0.1 with production settings; returns the process once it answers."""
    env = environment(PAGE_CACHE_ENABLED="1" if cache else "0", LOG_LEVEL="ERROR")
    command = [
        sys.executable, "-m", "gunicorn", "cms.wsgi:application",
        "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--worker-class", worker_class,
        "--threads", str(threads), "--timeout", "60", "--log-level", "warning", "--chdir", str(ROOT),
    ]  # fmt: skip
    server = subprocess.Popen(command, env=env, cwd=ROOT)
    for _ in range(120):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=2)
            return server
        except OSError:
            time.sleep(0.5)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def wrk(url, *, seconds, connections):
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LUA)
    output = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", script.name, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    os.unlink(script.name)
    result = json.loads(output.strip().splitlines()[-1])
    result["rps"] = result["requests"] / result["seconds"]
    result["errors"] = sum(result[key] for key in ("non_2xx", "connect", "read", "write", "timeout"))
    return result


def chosen_urls(args) -> dict:
    """``build``'s URLs (or only the bare page's, on another database), plus any ``--url NAME=PATH``."""
    urls = json.loads(URLS_FILE.read_text()) if URLS_FILE.exists() else {"bare": "/bare/"}
    for item in args.url:
        name, separator, path = item.partition("=")
        if not separator or not path.startswith("/"):
            raise SystemExit(f"--url {item!r}: expected NAME=/path/")
        urls[name] = path
    return urls


def run(args):
    urls = chosen_urls(args)
    if args.only:
        urls = {name: path for name, path in urls.items() if name in args.only or name == "bare"}
    print(f"load before: {os.getloadavg()}", flush=True)
    results = {}
    for cache in args.cache:
        server = start_server(
            port=args.port, cache=cache == "on", worker_class=args.worker_class, workers=args.workers,
            threads=args.threads,
        )  # fmt: skip
        try:
            for name, path in urls.items():
                url = f"http://127.0.0.1:{args.port}{path}"
                for _ in range(3):  # warm: imports, the cache, the database's buffers
                    urllib.request.urlopen(url, timeout=30).read()
                results[(cache, name)] = wrk(url, seconds=args.seconds, connections=args.connections)
        finally:
            server.terminate()
            server.wait()
    print(f"load after: {os.getloadavg()}")
    worker = f"{args.worker_class} ×{args.workers}" + (
        f" ×{args.threads} threads" if args.worker_class == "gthread" else ""
    )
    print(f"\n{worker}, {args.connections} connections, {args.seconds} s per URL\n")
    print("| cache | URL | req/s | × bare | p50 ms | p95 ms | p99 ms | errors |")
    print("|---|---|---|---|---|---|---|---|")
    for (cache, name), r in results.items():
        bare = results[(cache, "bare")]["rps"]
        print(
            f"| {cache} | {name} | {r['rps']:.1f} | {r['rps'] / bare:.2f} | {r['p50']:.0f} | {r['p95']:.0f} "
            f"| {r['p99']:.0f} | {r['errors']} |"
        )


def profile(args):
    """pyinstrument (or cProfile, ``--cprofile``) of ``--repeat`` uncached renders, in this process."""
    os.environ["PAGE_CACHE_ENABLED"] = "0"
    os.environ.setdefault("REDIS_URL", "")
    django_setup()
    from django.core.cache import cache
    from django.test import Client

    urls = chosen_urls(args)
    client = Client(HTTP_HOST="127.0.0.1")
    if args.cprofile:
        return cprofile(args, client, urls)
    from pyinstrument import Profiler

    for name in args.pages:
        client.get(urls[name])  # warm
        profiler = Profiler()
        profiler.start()
        started = time.perf_counter()
        for _ in range(args.repeat):
            if args.cold:
                cache.clear()
            assert client.get(urls[name]).status_code == 200
        elapsed = (time.perf_counter() - started) / args.repeat
        profiler.stop()
        print(f"=== {name}: {elapsed * 1000:.1f} ms per render")
        print(profiler.output_text(unicode=True, color=False, show_all=False))


def cprofile(args, client, urls):
    """cProfile with a CPU clock: the functions by cumulative (``--sort``) CPU ms per render."""
    import cProfile
    import pstats

    for name in args.pages:
        for _ in range(3):  # warm: imports, templates, the menu and settings caches
            client.get(urls[name])
        profiler = cProfile.Profile(time.process_time)
        profiler.enable()
        for _ in range(args.repeat):
            assert client.get(urls[name]).status_code == 200
        profiler.disable()
        stats = pstats.Stats(profiler)
        print(f"=== {name}: {stats.total_tt * 1000 / args.repeat:.1f} CPU ms per render (with the profiler)")
        stats.sort_stats(args.sort).print_stats(args.limit)


def inprocess(args):
    """CPU time per uncached request through Django's test client: the minimum of ``--repeat`` runs.

    ``time.process_time`` counts this process's CPU only, so the figure holds on a loaded machine
    where wrk's requests per second do not (the database's own work is not counted; the query count
    is printed beside it). The page cache is off; the menu, footer and settings caches stay warm, as
    they are between requests of a worker. ``REDIS_URL`` unset: local memory as the cache.
    """
    os.environ["PAGE_CACHE_ENABLED"] = "0"
    os.environ.setdefault("REDIS_URL", "")
    django_setup()
    import statistics

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    urls = chosen_urls(args)
    names = ["bare", *[name for name in args.pages if name != "bare"]]
    client = Client(HTTP_HOST="127.0.0.1")
    for name in names:
        for _ in range(3):  # warm: imports, templates, the menu and settings caches
            assert client.get(urls[name]).status_code == 200
    # Round-robin: each round requests every URL once, so a burst of load elsewhere on the machine
    # hits all of them alike and the ratios to the bare page hold better than the absolute figures.
    times = {name: [] for name in names}
    for _ in range(args.repeat):
        for name in names:
            started = time.process_time()
            response = client.get(urls[name])
            times[name].append(time.process_time() - started)
            assert response.status_code == 200, (name, response.status_code)
    print(f"load: {os.getloadavg()}, {args.repeat} runs per URL, CPU ms per request (min / median)\n")
    print("| URL | CPU ms (min) | median | queries | × bare (CPU) |")
    print("|---|---|---|---|---|")
    bare = min(times["bare"])
    for name in names:
        with CaptureQueriesContext(connection) as queries:
            client.get(urls[name])
        best = min(times[name])
        print(
            f"| {name} | {best * 1000:.1f} | {statistics.median(times[name]) * 1000:.1f} | {len(queries)} "
            f"| {bare / best:.2f} |"
        )


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build")
    b.add_argument("--news", type=int, default=2000)
    b.add_argument("--acts", type=int, default=2000)
    r = sub.add_parser("run")
    r.add_argument("--seconds", type=int, default=10)
    r.add_argument("--connections", type=int, default=32)
    r.add_argument("--workers", type=int, default=2)
    r.add_argument("--worker-class", default="sync", choices=["sync", "gthread"])
    r.add_argument("--threads", type=int, default=1)
    r.add_argument("--cache", nargs="+", default=["off", "on"], choices=["off", "on"])
    r.add_argument("--only", nargs="*", help="names of the URLs to measure (the bare page always is)")
    r.add_argument("--port", type=int, default=8765)
    p = sub.add_parser("profile")
    p.add_argument("--pages", nargs="+", default=["act page", "news page"])
    p.add_argument("--repeat", type=int, default=30)
    p.add_argument("--cold", action="store_true", help="empty the cache before each render")
    p.add_argument("--cprofile", action="store_true", help="cProfile with a CPU clock, not pyinstrument")
    p.add_argument("--sort", default="cumulative", help="cProfile's sort key (cumulative, tottime...)")
    p.add_argument("--limit", type=int, default=60, help="cProfile: how many functions to print")
    i = sub.add_parser("inprocess")
    i.add_argument("--pages", nargs="+", default=["home", "news page", "news index", "act page"])
    i.add_argument("--repeat", type=int, default=20)
    for command in (r, p, i):
        command.add_argument(
            "--url", action="append", default=[], metavar="NAME=PATH",
            help="another URL to measure (on a database built elsewhere: benchmarks/deputy_record.py)",
        )  # fmt: skip
    args = parser.parse_args()
    {"build": build, "run": run, "profile": profile, "inprocess": inprocess}[args.command](args)


if __name__ == "__main__":
    main()
