"""Benchmark of the legacy import: items per second and peak memory, first run and re-run.

    /work/main/.venv/bin/python benchmarks/import.py                  # 20,000 and 5,000 items, naive 300
    /work/main/.venv/bin/python benchmarks/import.py --sizes 2000 --naive 100
    /work/main/.venv/bin/python benchmarks/import.py --sizes 2000 --naive 0 --scan-kib 2048

Each measurement runs in its own process on its own copy of a freshly migrated SQLite database
(or on ``DATABASE_URL`` if given, one database at a time), so that peak RSS belongs to the import
alone. The bundle is generated on disk (items.jsonl + files/): every act has its own attachment,
every fifth news item shares one of 50 attachments (de-duplicated by hash), bodies carry Word
markup, a table and a link to an earlier item. With ``--scan-kib N`` each act's attachment is a scan
of N KiB (random bytes of a format nothing extracts text from), to show what a batch holds in memory.
The naive baseline is ``add_child`` + ``save_revision().publish()`` per item, measured in the same run
on a smaller count.
"""

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TYPES = ["news"] * 10 + ["act"] * 5 + ["commission_document"] * 2 + ["video"] * 2 + ["page"]
BODY = (
    '<p class="MsoNormal" style="margin:0"><font face="Times New Roman">Сесія міської ради розглянула '
    "питання {n}.<o:p></o:p></font></p><p>&nbsp;</p><h3>Підсумки</h3><ul><li>перше</li><li>друге</li></ul>"
    '<table border="1"><tr><th>Показник</th><th>Значення</th></tr><tr><td>Голосів «за»</td><td>{n}</td></tr>'
    '</table><p>Див. також <a href="/item/{prev}.html">попередній матеріал</a>.</p>'
)


def generate(root: Path, count: int, seed: int = 1, scan_kib: int = 0) -> Path:
    """Write a bundle of ``count`` items into ``root``; returns the folder."""
    rng = random.Random(seed)
    files = root / "files"
    files.mkdir(parents=True, exist_ok=True)
    for shared in range(50):
        (files / f"shared-{shared}.txt").write_text(f"Спільний додаток {shared}", encoding="utf-8")
    with open(root / "items.jsonl", "w", encoding="utf-8") as out:
        for n in range(count):
            item_type = TYPES[n % len(TYPES)]
            day = 1 + n % 28
            item = {
                "legacy_id": f"L{n}",
                "type": item_type,
                "title": f"Матеріал номер {n} про бюджет міста",
                "published": f"{day:02d}.{1 + n % 12:02d}.{2010 + n % 14} {n % 24:02d}:{n % 60:02d}",
                "url": f"/item/{n}.html",
                "body_html": BODY.format(n=n, prev=max(0, n - 1)),
                "summary": f"Короткий зміст {n}",
                "tags": [f"тема{n % 30}"],
                "attachments": [],
            }
            if item_type == "news":
                item["kind"] = rng.choice(["news", "announcement", "greeting", "article"])
                if n % 5 == 0:
                    item["attachments"] = [{"path": f"files/shared-{n % 50}.txt", "title": "Додаток"}]
            elif item_type == "act":
                attachment = f"files/act-{n}.txt"
                if scan_kib:
                    attachment = f"files/act-{n}.scan"
                    (root / attachment).write_bytes(rng.randbytes(scan_kib * 1024))
                else:
                    (root / attachment).write_text(f"Рішення номер {n} про бюджет", encoding="utf-8")
                item.update(
                    act_type="council_decision",
                    number=f"{n}-49/2018",
                    issuer="Міська рада",
                    adopted_on=f"{day:02d}.05.2018",
                    status="in_force",
                    attachments=[{"path": attachment, "title": "Скан"}],
                )
            elif item_type == "commission_document":
                item.update(
                    commission=f"Комісія {n % 5}",
                    doc_type="protocol",
                    meeting_date="2018-05-03",
                    concerns=[f"L{max(0, n - 4)}"],
                )
            elif item_type == "video":
                item.update(
                    video_url=f"https://www.youtube.com/watch?v=abcdefghi{n % 10:02d}", source="youtube"
                )
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    return root


def setup_django(database_url: str, media: str):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.test")
    os.environ["DATABASE_URL"] = database_url
    os.environ["MEDIA_ROOT"] = media
    import django

    django.setup()


def seed_issuer():
    from pages.models import Issuer

    Issuer.objects.get_or_create(
        name="Ніжинська міська рада", defaults={"short_name": "Міська рада", "slug": "council"}
    )


def worker(args):
    """One measurement in this process: a first run and a re-run (or the naive path)."""
    setup_django(args.database_url, args.media)
    seed_issuer()
    from pages.legacy.importer import import_records
    from pages.legacy.readers import open_source

    results = {"items": args.count}
    if args.naive_run:
        results.update(naive(Path(args.bundle)))
    else:
        for label in ("first", "rerun"):
            if args.trace:
                tracemalloc.start()
            bundle, records = open_source(args.bundle)
            started, cpu_started = time.perf_counter(), time.process_time()
            summary = import_records(records, bundle=bundle)
            elapsed = time.perf_counter() - started
            cpu = time.process_time() - cpu_started
            bundle.close()
            results[label] = {
                "seconds": round(elapsed, 2),
                "items_per_s": round(args.count / elapsed, 1),
                "cpu_items_per_s": round(args.count / cpu, 1),
                "created": summary.created,
                "updated": summary.updated,
                "unchanged": summary.unchanged,
                "failed": summary.failed,
                "index_seconds": round(summary.index_seconds, 2),
            }
            if args.trace:
                results[label]["tracemalloc_peak_mib"] = round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
                tracemalloc.stop()
    results["maxrss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(results))


def naive(bundle_path: Path) -> dict:
    """The baseline: the same conversion, but one ``add_child`` + ``save_revision().publish()`` per item."""
    from django.db import transaction

    from pages.legacy.documents import write_documents
    from pages.legacy.fields import page_fields
    from pages.legacy.importer import deferred_search_indexing
    from pages.legacy.readers import open_source
    from pages.legacy.writers import PageWriter

    bundle, records = open_source(bundle_path)
    writer = PageWriter(bundle=bundle)
    count = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    with deferred_search_indexing():
        for record in records:
            with transaction.atomic():
                _, _, unchanged, _, files = writer.classify([record])
                documents = write_documents([record], files)
                model, values, _ = page_fields(
                    record,
                    documents=documents,
                    files=files,
                    resolve_link=lambda href: None,
                    resolve_image=writer.images,
                    issuers=writer.issuers,
                )
                values = {
                    key: value
                    for key, value in values.items()
                    if key not in ("live", "has_unpublished_changes", "latest_revision_created_at")
                }
                parent = writer.parents.for_record(record)
                page = model(slug=f"naive-{record.legacy_id.lower()}", **values)
                parent.add_child(instance=page)
                page.save_revision().publish(log_action=False)
                parent.refresh_from_db()
            count += 1
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    bundle.close()
    return {
        "naive": {
            "seconds": round(elapsed, 2),
            "items_per_s": round(count / elapsed, 1),
            "cpu_items_per_s": round(count / cpu, 1),
            "index_seconds": 0,
        }
    }


def run_worker(python, database_url, media, bundle, count, *, naive=False, trace=False):
    command = [
        python,
        __file__,
        "--worker",
        "--database-url",
        database_url,
        "--media",
        media,
        "--bundle",
        str(bundle),
        "--count",
        str(count),
    ]
    if naive:
        command.append("--naive-run")
    if trace:
        command.append("--trace")
    output = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT).stdout
    return json.loads(output.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[20000, 5000])
    parser.add_argument("--naive", type=int, default=300, help="Items for the naive baseline (0: skip).")
    parser.add_argument("--trace", action="store_true", help="Also measure tracemalloc peaks (slower).")
    parser.add_argument("--scan-kib", type=int, default=0, help="Each act's attachment: a scan of this size.")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--naive-run", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--database-url", help=argparse.SUPPRESS)
    parser.add_argument("--media", help=argparse.SUPPRESS)
    parser.add_argument("--bundle", help=argparse.SUPPRESS)
    parser.add_argument("--count", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args)
        return

    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="import-bench-") as tmp:
        tmp = Path(tmp)
        template = tmp / "template.sqlite3"
        env = dict(os.environ, DJANGO_SETTINGS_MODULE="settings.test", DATABASE_URL=f"sqlite:///{template}")
        subprocess.run([python, "manage.py", "migrate", "-v0"], check=True, cwd=ROOT, env=env)
        print(
            f"{'measure':<28}{'items':>7}{'seconds':>10}{'items/s':>10}{'CPU items/s':>13}"
            f"{'peak RSS MiB':>14}"
            f"{'tracemalloc MiB':>17}{'of which indexing s':>21}{'items/s w/o indexing':>22}"
        )

        def database_for(name):
            target = tmp / f"{name}.sqlite3"
            shutil.copy(template, target)
            return f"sqlite:///{target}"

        for size in args.sizes:
            bundle = generate(tmp / f"bundle-{size}", size, scan_kib=args.scan_kib)
            result = run_worker(python, database_for(f"db-{size}"), str(tmp / f"media-{size}"), bundle, size)
            traced = (
                run_worker(
                    python, database_for(f"db-t{size}"), str(tmp / f"media-t{size}"), bundle, size, trace=True
                )
                if args.trace
                else None
            )
            for label in ("first", "rerun"):
                row = result[label]
                peak = traced[label]["tracemalloc_peak_mib"] if traced else "-"
                print(
                    f"{'bulk, ' + label + ' run':<28}{size:>7}{row['seconds']:>10}{row['items_per_s']:>10}"
                    f"{row['cpu_items_per_s']:>13}{result['maxrss_mib']:>14}{peak:>17}{row['index_seconds']:>21}"
                    f"{size / max(row['seconds'] - row['index_seconds'], 1e-9):>22.1f}"
                )
                if row["failed"]:
                    print(f"  ({row['failed']} items failed)")
            print(
                f"{'re-run speed-up':<28}{'':>7}{'':>10}"
                f"{result['rerun']['items_per_s'] / result['first']['items_per_s']:>9.1f}x"
            )
        if args.naive:
            bundle = generate(tmp / "bundle-naive", args.naive)
            result = run_worker(
                python, database_for("db-naive"), str(tmp / "media-naive"), bundle, args.naive, naive=True
            )
            row = result["naive"]
            print(
                f"{'naive add_child+publish':<28}{args.naive:>7}{row['seconds']:>10}{row['items_per_s']:>10}"
                f"{row['cpu_items_per_s']:>13}{result['maxrss_mib']:>14}{'-':>17}"
            )


if __name__ == "__main__":
    main()
