"""Scratch databases for tests that run ``manage.py`` in a subprocess: SQLite files, or PostgreSQL
databases beside the test database when ``DATABASE_URL`` names PostgreSQL.

A template is migrated once per session; each scratch database is a copy of it, so that a test
starts from a freshly migrated site (the issuers of the data migration, no demo content).
"""

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

ROOT = Path(__file__).resolve().parents[3]


def manage_command(*args) -> list[str]:
    return [sys.executable, str(ROOT / "manage.py"), *args]


class ScratchDatabases:
    """Migrated scratch databases of the test's own kind (SQLite or PostgreSQL)."""

    def __init__(self, folder: Path):
        self.folder = folder
        url = os.environ.get("DATABASE_URL", "")
        self.postgres = url.startswith(("postgres://", "postgresql://"))
        self.base_url = url
        self.prefix = urlsplit(url).path.lstrip("/") + "_sub" if self.postgres else ""
        self.made = []

    def url(self, name: str) -> str:
        if self.postgres:
            parts = urlsplit(self.base_url)
            return urlunsplit(parts._replace(path=f"/{self.prefix}_{name}"))
        return f"sqlite:///{self.folder / name}.sqlite3"

    def env(self, name: str, media: Path) -> dict:
        return {
            **os.environ,
            "DATABASE_URL": self.url(name),
            "MEDIA_ROOT": str(media),
            "DJANGO_SETTINGS_MODULE": "settings.test",
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        }

    def _admin(self, sql: str):
        parts = urlsplit(self.base_url)
        with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as connection:
            connection.execute(sql)

    def _drop(self, name: str):
        if self.postgres:
            self._admin(f'DROP DATABASE IF EXISTS "{self.prefix}_{name}" WITH (FORCE)')

    def migrate_template(self):
        self._drop("template")
        if self.postgres:
            self._admin(f'CREATE DATABASE "{self.prefix}_template"')
        self.made.append("template")
        media = self.folder / "media-template"
        subprocess.run(
            manage_command("migrate", "--no-input", "-v", "0"),
            env=self.env("template", media),
            check=True,
            cwd=ROOT,
        )

    def copy(self, name: str) -> str:
        """A fresh copy of the migrated template; returns its name."""
        self._drop(name)
        if self.postgres:
            self._admin(f'CREATE DATABASE "{self.prefix}_{name}" TEMPLATE "{self.prefix}_template"')
        else:
            shutil.copy(self.folder / "template.sqlite3", self.folder / f"{name}.sqlite3")
        self.made.append(name)
        return name

    def connect(self, name: str):
        """A DB-API connection to a scratch database (autocommit, reads only)."""
        if self.postgres:
            return psycopg.connect(self.url(name), autocommit=True)
        return sqlite3.connect(self.folder / f"{name}.sqlite3", timeout=60, isolation_level=None)

    def drop_all(self):
        for name in self.made:
            self._drop(name)
