import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from registry.models import Organization

from .factories import OrganizationFactory
from .helpers import csv_bytes, run_import

pytestmark = pytest.mark.django_db


def test_a_changed_row_writes_only_the_columns_it_changes():
    OrganizationFactory(name="ГО «Стара»", edrpou="38516849", head="Коваль")
    content = csv_bytes("Назва,Код ЄДРПОУ,Керівник", "ГО «Нова»,38516849,Коваль")

    with CaptureQueriesContext(connection) as queries:
        run_import(content, "csv")

    (upsert,) = [q["sql"] for q in queries.captured_queries if "ON CONFLICT" in q["sql"]]
    assert not [q for q in queries.captured_queries if q["sql"].startswith("UPDATE")]
    updated = upsert.split("DO UPDATE SET", 1)[1]
    assert '"name"' in updated and '"updated_at"' in updated and '"head"' not in updated
    assert Organization.objects.get(edrpou="38516849").name == "ГО «Нова»"


def test_an_unchanged_row_is_not_written():
    OrganizationFactory(name="ГО «Та сама»", edrpou="38516849")
    with CaptureQueriesContext(connection) as queries:
        report = run_import(csv_bytes("Назва,Код ЄДРПОУ", "ГО «Та сама»,38516849"), "csv")
    assert report.unchanged == 1
    assert not [
        q for q in queries.captured_queries if q["sql"].startswith("UPDATE") or "ON CONFLICT" in q["sql"]
    ]
