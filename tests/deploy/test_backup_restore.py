"""deploy/backup.sh and deploy/restore.sh, for real: dump the test database and its media, restore
them into a scratch database, and serve a page from it through Django in a fresh process."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from tests.factories import DocumentFactory, NewsIndexPageFactory, NewsPageFactory

DEPLOY = Path(settings.BASE_DIR) / "deploy"
SCRATCH = os.environ.get("RESTORE_TEST_DATABASE", "radasite_production_restore")

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(shutil.which("pg_dump") is None, reason="pg_dump is not installed"),
]


def database_url(name):
    s = connection.settings_dict
    user = s["USER"] or "postgres"
    password = f":{s['PASSWORD']}" if s["PASSWORD"] else ""
    return f"postgres://{user}{password}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{name}"


def run(command, **env):
    result = subprocess.run(command, env={**os.environ, **env}, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return result.stdout


SERVE = """
import django, sys
django.setup()
from django.test import Client
response = Client().get(sys.argv[1])
print(response.status_code)
print(response.content.decode())
"""


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_restores_into_a_scratch_database_that_serves_the_site(home_page, media_root, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("the backup scripts are for PostgreSQL")
    news = NewsPageFactory(parent=NewsIndexPageFactory(parent=home_page), title="Відновлена з копії новина")
    document = DocumentFactory(title="Рішення сесії")
    backups = tmp_path / "backups"

    dump, tarball = run(
        [str(DEPLOY / "backup.sh"), str(backups)],
        DATABASE_URL=database_url(connection.settings_dict["NAME"]),
        MEDIA_ROOT=str(media_root),
    ).split()

    maintenance = database_url("postgres")
    run(["psql", maintenance, "-c", f'DROP DATABASE IF EXISTS "{SCRATCH}"'])
    run(["psql", maintenance, "-c", f'CREATE DATABASE "{SCRATCH}"'])
    restored_media = tmp_path / "restored-media"
    run([str(DEPLOY / "restore.sh"), dump, database_url(SCRATCH), tarball, str(restored_media)])

    assert (restored_media / document.file.name).read_bytes() == Path(document.file.path).read_bytes()
    served = run(
        [sys.executable, "-c", SERVE, news.url],
        DATABASE_URL=database_url(SCRATCH),
        DJANGO_SETTINGS_MODULE="settings.test",
        MEDIA_ROOT=str(restored_media),
    )
    status, body = served.split("\n", 1)
    assert status == "200"
    assert "Відновлена з копії новина" in body
    run(["psql", maintenance, "-c", f'DROP DATABASE IF EXISTS "{SCRATCH}"'])
