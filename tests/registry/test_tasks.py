import pytest
from wagtail.search.backends import get_search_backend

from registry import services, tasks
from registry.models import Organization

from .helpers import run_import

pytestmark = pytest.mark.django_db


def test_bulk_import_puts_the_organisations_into_the_search_index(
    fixture_bytes, django_capture_on_commit_callbacks, monkeypatch
):
    assert not get_search_backend().search("молодь", Organization)
    enqueued = []
    task = services.index_organizations

    class Recorded:
        def enqueue(self, pks):
            enqueued.append(pks)
            return task.enqueue(pks)

    monkeypatch.setattr(services, "index_organizations", Recorded())
    with django_capture_on_commit_callbacks(execute=True):
        run_import(fixture_bytes("organizations.xlsx"), "xlsx")
        assert enqueued == []  # not before the commit
    assert len(enqueued) == 1  # one index task for the whole import
    found = get_search_backend().search("молодь", Organization)
    assert [o.edrpou for o in found] == ["38516849"]


def test_dry_run_and_failed_imports_leave_the_index_alone(fixture_bytes, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        run_import(fixture_bytes("organizations.xlsx"), "xlsx", dry_run=True)
        run_import(fixture_bytes("bad_rows.csv"), "csv")
    assert callbacks == []


def test_rows_written_with_invalid_ones_left_out_are_indexed(
    fixture_bytes, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        run_import(fixture_bytes("bad_rows.csv"), "csv", skip_invalid=True)
    assert [o.name for o in get_search_backend().search("Добре", Organization)] == ["ГО «Добре»"]


def test_index_update_covers_every_chunk(fixture_bytes, django_capture_on_commit_callbacks, monkeypatch):
    monkeypatch.setattr(tasks, "INDEX_CHUNK", 2)  # three organisations: two chunks
    with django_capture_on_commit_callbacks(execute=True):
        run_import(fixture_bytes("organizations.xlsx"), "xlsx")
    for word, code in (("молодь", "38516849"), ("фонд", "40075815"), ("Приклад", "00013480")):
        assert [o.edrpou for o in get_search_backend().search(word, Organization)] == [code]
