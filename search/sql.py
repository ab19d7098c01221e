"""Vendor SQL in one place: a list of page ids passed as one parameter, and bulk row inserts."""

import json

from django.db import connection
from django.db.models.expressions import RawSQL

#: Below this many ids a plain ``IN (…)`` list costs nothing.
SHORT_LIST = 50


def pk_in(ids):
    """A ``pk__in`` value for up to a few hundred ids, passed as one parameter (an array on
    PostgreSQL, a JSON list on SQLite): compiling and quoting hundreds of separate parameters costs
    the ORM and psycopg more than the query itself."""
    ids = [int(pk) for pk in ids]
    if len(ids) > SHORT_LIST:
        if connection.vendor == "postgresql":
            return RawSQL("SELECT unnest(%s::integer[])", (ids,))
        if connection.vendor == "sqlite":
            return RawSQL("SELECT value FROM json_each(%s)", (json.dumps(ids),))
    return ids


def insert_rows(cursor, table: str, columns, rows) -> None:
    """Insert plain tuples into ``table`` through a Django cursor: ``COPY … FROM STDIN`` on PostgreSQL,
    ``executemany`` elsewhere (SQLite's is in-process and already fast).

    The one place the project reaches below Django's public API. Django offers no COPY (no ticket has
    been accepted for it; third-party packages fill the gap, e.g. django-pgbulk's ``pgbulk.copy``,
    AmbitionEng/django-pgbulk#39), so this takes the DB-API cursor that Django's ``CursorWrapper``
    keeps as ``.cursor`` and calls psycopg 3's public ``Cursor.copy``. Measured on 43,880 postings
    (600 pages): COPY 2.1 s, ``INSERT … SELECT unnest(arrays)`` 4.0 s, ``bulk_create`` 16 s on the
    loaded machine (docs/performance.md). ``tests/search/test_sql.py`` fails if the wrapper's
    attribute or psycopg's method goes away.
    """
    rows = list(rows)
    if not rows:
        return
    names = ", ".join(columns)
    if cursor.db.vendor == "postgresql":
        with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    else:
        marks = ", ".join(["%s"] * len(columns))
        cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
