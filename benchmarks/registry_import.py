"""Rows per second of a 10,000-row registry import, default import-export path against the bulk path.

    /work/main/.venv/bin/python benchmarks/registry_import.py [--rows 10000]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/radasite_registry \
        /work/main/.venv/bin/python benchmarks/registry_import.py

Both paths run with full validation (full_clean of every row, the EDRPOU check digit, choices,
dates, fields of activity) on the same CSV, into a throw-away test database: first into an empty
registry (10,000 new organisations), then again over it (10,000 updates).
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from registry import files, services, tasks  # noqa: E402
from registry.models import FieldOfActivity, Organization  # noqa: E402
from registry.resources import DefaultOrganizationResource, OrganizationResource  # noqa: E402
from registry.validators import edrpou_check_digit  # noqa: E402

FIELDS = ["Молодь", "Освіта", "Культура", "Ветерани", "Спорт", "Екологія", "Соціальний захист", "Туризм"]
STATUSES = ["зареєстровано", "в стані припинення", "припинено"]


def make_csv(rows: int, changed: bool = False) -> bytes:
    """A Windows-1251 semicolon CSV of ``rows`` valid organisations; ``changed`` alters every row."""
    lines = [
        "Назва;Скорочена назва;Код ЄДРПОУ;Організаційно-правова форма;Дата реєстрації;Статус;Адреса;Керівник;"
        "Телефон;Електронна пошта;Напрями діяльності;Примітки"
    ]
    for n in range(rows):
        first_seven = f"{3_000_000 + n:07d}"
        code = first_seven + str(edrpou_check_digit(first_seven))
        lines.append(
            ";".join(
                [
                    f"Громадська організація «Приклад {n}»",
                    f"ГО «Приклад {n}»",
                    code,
                    "Громадська організація",
                    f"{1 + n % 28:02d}.{1 + n % 12:02d}.{2000 + n % 25}",
                    STATUSES[n % 3],
                    f"м. Ніжин, вул. Шевченка, {n}",
                    f"Прізвище Ім'я {n}{' (новий керівник)' if changed else ''}",
                    f"+38046{n:07d}",
                    f"org{n}@example.org",
                    f"{FIELDS[n % 8]}, {FIELDS[(n + 3 + changed) % 8]}",
                    "",
                ]
            )
        )
    return ("\r\n".join(lines) + "\r\n").encode("cp1251")


INDEXING = {"seconds": 0.0}
_update_search_index = tasks.update_search_index


def _timed_update_search_index(**kwargs):
    # Measures the search backend's share; the index task looks the function up at call time.
    started = time.perf_counter()
    _update_search_index(**kwargs)
    INDEXING["seconds"] += time.perf_counter() - started


tasks.update_search_index = _timed_update_search_index


def timed_import(content: bytes, resource_class, dry_run=False) -> tuple[float, services.ImportReport]:
    INDEXING["seconds"] = 0.0
    started = time.perf_counter()
    dataset = files.read_dataset(content=content, file_format="csv")
    report = services.import_organizations(dataset=dataset, dry_run=dry_run, resource_class=resource_class)
    elapsed = time.perf_counter() - started
    assert not report.has_errors, report.row_problems[:5] or report.file_errors
    return elapsed, report


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--bulk-only", action="store_true", help="skip the (slow) default path")
    arguments = parser.parse_args()
    rows = arguments.rows

    old_name = connection.settings_dict["NAME"]
    test_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        content = make_csv(rows)
        print(f"registry import benchmark: {rows} rows, {connection.vendor}, full validation")
        print("rows/s for the whole import (validation, writes, relation, search index); in brackets the")
        print("seconds in all and, after the slash, the seconds spent in the search backend's add_bulk")
        print(f"{'path':<34}{'new rows/s':>12}{'updates rows/s':>16}")
        paths = [("default import-export resource", DefaultOrganizationResource)] * (not arguments.bulk_only)
        for label, resource_class in paths + [("bulk path (admin and command)", OrganizationResource)]:
            Organization.objects.all().delete()
            FieldOfActivity.objects.all().delete()
            created_s, created = timed_import(content, resource_class)
            created_index_s = INDEXING["seconds"]
            updated_s, updated = timed_import(make_csv(rows, changed=True), resource_class)
            updated_index_s = INDEXING["seconds"]
            assert (created.new, updated.updated) == (rows, rows), (created, updated)
            assert Organization.objects.count() == rows
            print(
                f"{label:<34}{rows / created_s:>12,.0f}{rows / updated_s:>16,.0f}"
                f"   ({created_s:.1f}/{created_index_s:.1f} s, {updated_s:.1f}/{updated_index_s:.1f} s)"
            )
            if created_index_s:
                print(
                    f"{'  the same without add_bulk':<34}{rows / (created_s - created_index_s):>12,.0f}"
                    f"{rows / (updated_s - updated_index_s):>16,.0f}"
                )
        preview_s, preview = timed_import(make_csv(rows, changed=False), OrganizationResource, dry_run=True)
        assert preview.updated == rows and not preview.written
        label = f"preview (dry run) of {rows:,} changes"
        print(f"{label:<34}{'':>12}{rows / preview_s:>16,.0f}   ({preview_s:.1f} s)")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    print(f"test database {test_name} removed")


if __name__ == "__main__":
    main()
