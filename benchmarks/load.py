"""Load: 32 concurrent clients for 60 s over a mix of the public pages, with the page cache on and off.

    python benchmarks/render.py build     # once (the same database: 2,000 news, 2,000 acts)
    python benchmarks/load.py [--seconds 60] [--connections 32] [--cache on off]

gunicorn serves ``settings.benchmark`` (production settings) on 127.0.0.1 only, as in
benchmarks/render.py, and wrk (a second process) sends each request to a path drawn from the mix:
home 15 %, news index 10 %, a news page 30 % (one of 200), act register 10 %, an act page 25 %
(one of 200), search 10 % (one of 5 queries). Prints errors, requests per second and p50/p95/p99.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import render  # noqa: E402  (benchmarks/render.py: the server, the environment, wrk's report)

QUERIES = ["рішення бюджет", "програма розвитку", "земельна ділянка", "ремонт вулиці", "сесія міської ради"]
MIX = [("home", 15), ("news index", 10), ("news", 30), ("acts", 10), ("act", 25), ("search", 10)]
REQUEST_LUA = """
local paths = {%s}
request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
"""


def sample_paths(size=400, seed=5):
    """``size`` paths drawn from the mix, with random news and act pages from the database."""
    render.django_setup()
    from pages.models import ActIndexPage, ActPage, NewsIndexPage, NewsPage

    rng = random.Random(seed)
    news = [page.url for page in NewsPage.objects.live().order_by("?")[:200]]
    acts = [page.url for page in ActPage.objects.live().order_by("?")[:200]]
    fixed = {
        "home": lambda: "/",
        "news index": lambda: NewsIndexPage.objects.live().first().url,
        "news": lambda: rng.choice(news),
        "acts": lambda: ActIndexPage.objects.live().first().url,
        "act": lambda: rng.choice(acts),
        "search": lambda: "/search/?q=" + urllib.parse.quote(rng.choice(QUERIES)),
    }
    names = [name for name, weight in MIX for _ in range(weight)]
    return [fixed[rng.choice(names)]() for _ in range(size)]


def run_load(paths, *, port, seconds, connections):
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(REQUEST_LUA % ", ".join(json.dumps(path) for path in paths) + render.LUA)
    try:
        output = subprocess.run(
            ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", script.name,
             f"http://127.0.0.1:{port}/"],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
    finally:
        os.unlink(script.name)
    result = json.loads(output.strip().splitlines()[-1])
    result["rps"] = result["requests"] / result["seconds"]
    result["errors"] = sum(result[key] for key in ("non_2xx", "connect", "read", "write", "timeout"))
    return result


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--worker-class", default="sync", choices=["sync", "gthread"])
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--cache", nargs="+", default=["on", "off"], choices=["on", "off"])
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument(
        "--warm-cache", action="store_true", help="request every distinct path once before measuring"
    )
    args = parser.parse_args()
    paths = sample_paths()
    rows = []
    for cache in args.cache:
        load_before = os.getloadavg()
        server = render.start_server(
            port=args.port, cache=cache == "on", worker_class=args.worker_class, workers=args.workers,
            threads=args.threads,
        )  # fmt: skip
        try:
            distinct = list(dict.fromkeys(paths))
            for path in distinct if args.warm_cache else distinct[:20]:  # by default: the workers only
                urllib.request.urlopen(f"http://127.0.0.1:{args.port}{path}", timeout=30).read()
            result = run_load(paths, port=args.port, seconds=args.seconds, connections=args.connections)
        finally:
            server.terminate()
            server.wait()
        rows.append((cache, result, load_before, os.getloadavg()))
    print(
        f"\n{args.worker_class} ×{args.workers}, {args.connections} connections, {args.seconds} s, "
        f"{len(paths)} paths\n"
    )
    print("| cache | requests | req/s | p50 ms | p95 ms | p99 ms | errors | load before → after (1 min) |")
    print("|---|---|---|---|---|---|---|---|")
    for cache, r, before, after in rows:
        print(
            f"| {cache} | {r['requests']} | {r['rps']:.1f} | {r['p50']:.0f} | {r['p95']:.0f} "
            f"| {r['p99']:.0f} | {r['errors']} | {before[0]:.1f} → {after[0]:.1f} |"
        )


if __name__ == "__main__":
    main()
