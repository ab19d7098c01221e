"""The one fast path below Django's public API (``search.sql.insert_rows``): fails if it changes."""

import pytest
from django.db import connection
from django.db.backends.utils import CursorWrapper
from wagtail.models import Page

from search.models import Posting
from search.sql import insert_rows, pk_in


def test_insert_rows_writes_every_row(make_act):
    act = make_act(title="Про бюджет")
    Posting.objects.filter(page=act).delete()
    table = connection.ops.quote_name(Posting._meta.db_table)
    rows = [(f"слово{i}", act.pk, i + 1) for i in range(120)]
    with connection.cursor() as cursor:
        insert_rows(cursor, table, ("term", "page_id", "weight"), rows)
        insert_rows(cursor, table, ("term", "page_id", "weight"), [])
    assert sorted(Posting.objects.filter(page=act).values_list("term", "page_id", "weight")) == sorted(rows)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY is PostgreSQL's")
def test_django_cursor_still_exposes_psycopg_copy(db):
    """Django's CursorWrapper keeps the DB-API cursor as ``.cursor``, and psycopg 3's has ``copy``."""
    with connection.cursor() as cursor:
        assert isinstance(cursor, CursorWrapper)
        assert cursor.db.vendor == "postgresql"
        assert callable(cursor.cursor.copy)


def test_a_long_id_list_is_one_parameter(make_act):
    act = make_act(title="Про бюджет")
    ids = [act.pk, *range(10**6, 10**6 + 100)]
    assert list(Page.objects.filter(pk__in=pk_in(ids)).values_list("pk", flat=True)) == [act.pk]
