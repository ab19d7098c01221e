"""Time `load_demo` on a fresh SQLite database and count the SQL queries of the main public pages.

    python benchmarks/pages_demo.py

Prints: seconds for the first and the second (idempotent) run, and the number of queries of the
home page, the news index, the act register and the heaviest act page, each measured with a cold cache.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["RADASITE_VAR_DIR"] = tempfile.mkdtemp(prefix="radasite-bench-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.dev")
os.environ.pop("DATABASE_URL", None)

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def main():
    call_command("migrate", verbosity=0)
    for run in ("first", "second"):
        started = time.perf_counter()
        call_command(
            "load_demo", admin_user="admin", admin_password="bench-password", stdout=open(os.devnull, "w")
        )
        print(f"load_demo {run} run: {time.perf_counter() - started:.1f} s")

    from pages.models import ActPage

    heaviest = (
        ActPage.objects.annotate(
            n=Count("agenda_items_as_decision__votes__ballots", distinct=True)
            + Count("incoming_relations", distinct=True)
        )
        .order_by("-n")
        .first()
    )
    client = Client(HTTP_HOST="localhost")
    for label, url in [
        ("home page", "/"),
        ("news index", "/novyny/"),
        ("news index, page 2", "/novyny/?page=2"),
        ("act register", "/dokumenty/"),
        ("heaviest act page", heaviest.url),
    ]:
        client.get(url)
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            status = client.get(url).status_code
            elapsed = (time.perf_counter() - started) * 1000
        print(f"{label:<20} {url:<40} HTTP {status}  {len(queries):>3} queries  {elapsed:6.0f} ms")


if __name__ == "__main__":
    main()
