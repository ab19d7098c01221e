"""How long a search and a publish take while Elasticsearch is down: printed figures, no assertions.

    rm -f var/bench_fail.sqlite3
    DATABASE_URL=sqlite:///$PWD/var/bench_fail.sqlite3 python benchmarks/search_failures.py

Two failures on 127.0.0.1: a closed port (connection refused) and a socket that accepts and never
answers. For each: the first /search/ (the request that fails and opens the breaker), the next
/search/ (breaker open: the database answers at once), a publish with index updates run inline
(immediate task backend) and a publish with the database task queue (django-tasks-db).
"""

import contextlib
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.test")


def main():
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from tests import factories as f
    from tests.search.servers import closed_port_url, silent_server

    call_command("migrate", verbosity=0)
    from wagtail.models import Site

    home = Site.objects.get(is_default_site=True).root_page
    acts = f.ActIndexPageFactory(parent=home, slug=f"acts-{int(time.time())}")
    act = f.ActPageFactory(parent=acts, title="Про бюджет міста")
    client = Client()
    database = settings.DATABASE_SEARCH_BACKEND

    def timed(fn):
        t = time.perf_counter()
        fn()
        return (time.perf_counter() - t) * 1000

    for name, server in (
        ("closed port", contextlib.nullcontext(closed_port_url())),
        ("silent server", silent_server()),
    ):
        with server as url:
            run(name, url, client, act, database, timed)


def run(name, url, client, act, database, timed):
    """Print the durations of two searches and two publishes against the failing server at ``url``."""
    from django.core.cache import cache
    from django.test import override_settings

    backends = {
        "default": {
            "BACKEND": "search.backends.Elasticsearch9Backend",
            "ALIAS": "default",
            "URLS": [url],
            "TIMEOUT": 2,
            "BREAKER_THRESHOLD": 1,
            "BREAKER_COOL_DOWN": 60,
        },
        "database": database,
    }
    cache.clear()
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        first = timed(lambda: client.get("/search/", {"q": "бюджету"}))
        second = timed(lambda: client.get("/search/", {"q": "бюджету"}))
        cache.clear()
        publish_inline = timed(lambda: act.save_revision().publish())
        cache.clear()
        with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
            publish_queued = timed(lambda: act.save_revision().publish())
    print(
        f"{name}: first search {first:.0f} ms (fails, falls back, opens the breaker); "
        f"next search {second:.0f} ms (breaker open); "
        f"publish with inline index update {publish_inline:.0f} ms; "
        f"publish with the database task queue {publish_queued:.0f} ms"
    )


if __name__ == "__main__":
    main()
