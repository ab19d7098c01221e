"""Open data: time and peak memory to stream a full export of 50,000 acts (CSV, JSON, and the XLSX workbook).

    python benchmarks/opendata.py [--acts 50000]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/radasite_bench python benchmarks/opendata.py

Without DATABASE_URL it uses its own SQLite file (var/benchmark-opendata.sqlite3), never the
site's database. The acts are inserted in bulk (one INSERT per batch into the page table and one
into the act table: treebeard paths computed here), then each export is streamed through Django's
test client twice: once timed, once under tracemalloc for the peak of Python memory. For contrast
it also measures loading the same acts as model instances, which is what the export avoids.
"""

import argparse
import datetime
import os
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.test")
if not os.environ.get("DATABASE_URL"):
    (ROOT / "var").mkdir(exist_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{ROOT / 'var' / 'benchmark-opendata.sqlite3'}"

import django  # noqa: E402

django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.models import Locale, Site  # noqa: E402

from cms.tree import PageTree, insert_specific  # noqa: E402
from pages.models import ActIndexPage, ActPage, ActType  # noqa: E402
from reports.opendata import act_rows, columns  # noqa: E402
from reports.opendata_formats import export_value  # noqa: E402

BATCH = 2000


def bulk_insert_acts(parent: ActIndexPage, count: int) -> None:
    """Insert ``count`` live acts under ``parent`` in bulk through ``cms.tree``, not one save each."""
    content_type = ContentType.objects.get_for_model(ActPage)
    locale = Locale.get_default()
    types = list(ActType.values)
    tree = PageTree()
    start = parent.numchild
    for offset in range(0, count, BATCH):
        acts = []
        for n in range(start + offset, start + min(offset + BATCH, count)):
            day = datetime.date(2000, 1, 1) + datetime.timedelta(days=n % 9000)
            act = ActPage(
                title=f"Про затвердження програми № {n}",
                draft_title=f"Про затвердження програми № {n}",
                slug=f"akt-{n}",
                content_type=content_type,
                locale=locale,
                live=True,
                first_published_at=None,
                act_type=types[n % len(types)],
                number=f"{n}/{day.year}",
                date=day,
                adopted_on=day,
                status="adopted",
                summary="Короткий зміст акта " * 5,
                session="",
                body="",
            )
            acts.append(tree.place(act, parent))
        with transaction.atomic():
            for act, base in zip(acts, tree.create(acts), strict=True):
                act.page_ptr_id = base.pk
            insert_specific(ActPage, acts)


def ensure_acts(count: int) -> int:
    call_command("migrate", verbosity=0)
    home = Site.objects.get(is_default_site=True).root_page
    parent = ActIndexPage.objects.filter(slug="dokumenty").first()
    if parent is None:
        parent = home.add_child(instance=ActIndexPage(title="Документи", slug="dokumenty"))
    existing = ActPage.objects.count()
    if existing < count:
        started = time.perf_counter()
        bulk_insert_acts(ActIndexPage.objects.get(pk=parent.pk), count - existing)
        print(f"inserted {count - existing} acts in {time.perf_counter() - started:.1f} s")
    return ActPage.objects.count()


def stream(url: str) -> int:
    response = Client().get(url)
    assert response.status_code == 200 and response.streaming
    size = 0
    for chunk in response.streaming_content:
        size += len(chunk)
    response.close()
    return size


def report_streams(urls, rows: int) -> None:
    """Stream each URL twice, timed and under tracemalloc; print its size, time, rows/s and peak."""
    for url in urls:
        started = time.perf_counter()
        size = stream(url)
        elapsed = time.perf_counter() - started
        tracemalloc.start()
        stream(url)
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(
            f"{url}: {size / 1e6:.1f} MB in {elapsed:.2f} s ({rows / elapsed:,.0f} rows/s); "
            f"peak Python memory {peak / 1e6:.1f} MB"
        )


def safe_cell_cost(repeats: int = 5) -> tuple[float, float, int]:
    """CPU seconds to turn every fetched act row into export values, with and without the formula guard.

    The rows are read once; the two variants alternate ``repeats`` times and the best of each is kept,
    so the figure is the guard's own cost, free of the database and of other processes' noise.
    """
    rows = list(act_rows())
    fields = columns("acts")

    def plain(value):
        return value.isoformat() if isinstance(value, datetime.date) else value

    def run(convert) -> float:
        started = time.process_time()
        for row in rows:
            [convert(row[field]) for field in fields]
        return time.process_time() - started

    best = {export_value: float("inf"), plain: float("inf")}
    for _ in range(repeats):
        for convert in best:
            best[convert] = min(best[convert], run(convert))
    return best[plain], best[export_value], len(rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--acts", type=int, default=50_000)
    args = parser.parse_args()
    total = ensure_acts(args.acts)
    print(f"database: {connection.vendor}; acts: {total}")
    report_streams(("/opendata/acts.csv", "/opendata/acts.json", "/opendata/acts.xlsx"), total)
    tracemalloc.start()
    started = time.perf_counter()
    instances = list(ActPage.objects.live())
    elapsed = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"for contrast, list(ActPage.objects.live()): {len(instances)} instances, {elapsed:.2f} s under "
        f"tracemalloc, peak {peak / 1e6:.1f} MB"
    )
    plain, safe, rows = safe_cell_cost()
    print(
        f"export values of {rows} rows: {plain:.3f} s CPU without the formula guard, {safe:.3f} s with it "
        f"(+{(safe - plain) / rows * 1e6:.1f} µs a row)"
    )


if __name__ == "__main__":
    main()
