"""Where an uncached page's CPU goes, beside the bare page: the request, its routing, its template.

    python benchmarks/render_floor.py                       # on render.py build's database
    python benchmarks/render_floor.py --pages "news page" "act page" --repeat 200

Issue 11 asks of an uncached news or act page at least 2/3 of the bare page's requests per second,
so a page may cost at most 1.5 × the bare page's CPU: what it does beyond the bare page (its own
*budget*) is half the bare page's whole request. Each URL is measured in this process, page cache
off, local memory as the cache (as ``render.py inprocess``), minimum of ``--repeat`` runs of
``time.process_time``:

- **request**: the whole request through Django's test client (middleware, site, routing, view
  restrictions, template);
- **routing**: ``Site.find_for_request`` and the site's root page's ``route`` for the path (a new
  request each time, so the site lookup is counted, as in the request);
- **template and its reads**: the page's ``get_context`` and template on a page just routed (not
  timed), so what the template reads from the database on first use is counted;
- **template, reads kept**: the same page and context rendered again: what the instance keeps
  (relations, StreamField blocks, flags) is not read again; the queries it still runs are counted;
- **base.html alone**: the site's chrome (head, header, menu, breadcrumbs, footer) for that page with
  an empty content block.

The last column is the page's own cost (request − bare request) against the budget.
"""

import argparse
import importlib.util
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def render_module():
    spec = importlib.util.spec_from_file_location("bench_render", ROOT / "benchmarks" / "render.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def best(function, repeat: int, prepare=None) -> float:
    """The minimum CPU ms of ``function(prepare())`` over ``repeat`` runs (``prepare`` not timed)."""
    times = []
    for _ in range(repeat + 3):
        argument = prepare() if prepare else None
        started = time.process_time()
        function(argument)
        times.append(time.process_time() - started)
    return min(times[3:]) * 1000


def measure(url: str, repeat: int) -> dict:
    """The parts of one URL's uncached request (see the module's docstring), CPU ms."""
    from django.contrib.auth.models import AnonymousUser
    from django.db import connection
    from django.template.loader import get_template
    from django.test import Client, RequestFactory
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Site

    client = Client(HTTP_HOST="127.0.0.1")
    factory = RequestFactory(HTTP_HOST="127.0.0.1")
    components = [part for part in url.split("/") if part]

    def request(_=None):
        made = factory.get(url)
        made.user = AnonymousUser()
        return made

    def route(made):
        return Site.find_for_request(made).root_page.specific.route(made, components).page

    def routed(_=None):
        made = request()
        return made, route(made)

    def render_page(prepared):
        made, page = prepared
        get_template(page.get_template(made)).render(page.get_context(made), made)

    made, page = routed()
    context = page.get_context(made)
    template = get_template(page.get_template(made))
    template.render(context, made)
    with CaptureQueriesContext(connection) as kept_queries:
        template.render(context, made)
    # Counted now: every request through the client clears the connection's query log.
    kept_query_count = len(kept_queries)
    base = get_template("base.html")
    return {
        "request": best(lambda _: client.get(url), repeat),
        "routing": best(route, repeat, request),
        "template": best(render_page, repeat, routed),
        "kept": best(lambda _: template.render(context, made), repeat),
        "kept queries": kept_query_count,
        "base": best(lambda _: base.render(context, made), repeat),
    }


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", nargs="+", default=["news page", "act page"])
    parser.add_argument("--repeat", type=int, default=100)
    args = parser.parse_args()
    os.environ["PAGE_CACHE_ENABLED"] = "0"
    os.environ.setdefault("REDIS_URL", "")
    render = render_module()
    render.django_setup()

    urls = json.loads(render.URLS_FILE.read_text())
    rows = {name: measure(urls[name], args.repeat) for name in ["bare", *args.pages]}
    bare = rows["bare"]["request"]
    print(f"load: {os.getloadavg()}, {args.repeat} runs each, CPU ms (minimum)\n")
    print(f"budget of a page's own work for 2/3 of the bare page: {bare / 2:.2f} ms (half of {bare:.2f})\n")
    print(
        "| URL | request | routing | template and its reads | template, reads kept (queries) "
        "| base.html alone | own work (request − bare) |"
    )
    print("|---|---|---|---|---|---|---|")
    for name, row in rows.items():
        print(
            f"| {name} | {row['request']:.2f} | {row['routing']:.2f} | {row['template']:.2f} "
            f"| {row['kept']:.2f} ({row['kept queries']}) | {row['base']:.2f} | {row['request'] - bare:.2f} |"
        )


if __name__ == "__main__":
    sys.exit(main())
