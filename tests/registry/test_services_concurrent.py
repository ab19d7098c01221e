"""Two registry imports at the same moment, in two threads with their own PostgreSQL connections.

The first import holds its transaction open; the second runs into its row locks and waits; the
first commits. Neither ends with an unhandled error: a shared new field of activity is simply
shared, and the same new organisation written twice gives the second import a Ukrainian message.
"""

import threading
import time

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection, connections, transaction

from registry.models import FieldOfActivity, Organization

from .helpers import csv_bytes, run_import

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's row locks"),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture(autouse=True)
def fresh_content_types():
    """A transactional test flushes the tables and post_migrate makes the content types again under new ids
    on PostgreSQL; the process-wide ContentType cache (read by the import's audit log) must forget the old."""
    ContentType.objects.clear_cache()
    yield
    ContentType.objects.clear_cache()


class Worker(threading.Thread):
    """Runs ``work`` in a thread with its own database connection; keeps its result or exception."""

    def __init__(self, work):
        super().__init__(daemon=True)
        self.work, self.result, self.error = work, None, None

    def run(self):
        try:
            self.result = self.work()
        except BaseException as error:  # noqa: BLE001 - the test asserts on it
            self.error = error
        finally:
            connections.close_all()


def wait_until_a_query_waits_for_a_lock(timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity"
                " WHERE wait_event_type = 'Lock' AND datname = current_database()"
            )
            if cursor.fetchone()[0]:
                return
        time.sleep(0.05)
    raise AssertionError("the second import never waited for the first")


def first_holds_then_second(first_file, second_file):
    """Import ``first_file`` in a transaction held open until ``second_file``'s import waits for it."""
    holding, release = threading.Event(), threading.Event()

    def first():
        with transaction.atomic():
            report = run_import(first_file, "csv")
            holding.set()
            release.wait(30)
        return report

    one = Worker(first)
    one.start()
    assert holding.wait(30)
    two = Worker(lambda: run_import(second_file, "csv"))
    two.start()
    try:
        wait_until_a_query_waits_for_a_lock()
    finally:
        release.set()
        one.join(60)
        two.join(60)
    assert one.error is None and two.error is None, (one.error, two.error)
    return one.result, two.result


def test_two_imports_adding_the_same_new_field_of_activity_both_succeed():
    first, second = first_holds_then_second(
        csv_bytes("Назва,Код ЄДРПОУ,Напрями діяльності", "ГО «Перша»,38516849,Спорт"),
        csv_bytes("Назва,Код ЄДРПОУ,Напрями діяльності", "ГО «Друга»,40075815,Спорт"),
    )

    assert first.written and second.written and not second.file_errors
    assert FieldOfActivity.objects.filter(name="Спорт").count() == 1
    for code in ("38516849", "40075815"):
        names = Organization.objects.get(edrpou=code).fields_of_activity.values_list("name", flat=True)
        assert list(names) == ["Спорт"]


def test_the_same_new_organisation_imported_twice_at_once_gives_a_clear_message_and_reruns():
    content = csv_bytes("Назва,Код ЄДРПОУ", "ГО «Одна»,38516849", "ГО «Друга»,40075815")

    first, second = first_holds_then_second(content, content)

    assert first.written and not second.written
    message = " ".join(second.file_errors)
    assert message.startswith("Інший імпорт або реєстратор саме в цей момент записував ті самі організації")
    assert "duplicate" not in message and "IntegrityError" not in message
    assert len(second.file_errors) == 1
    rerun = run_import(content, "csv")
    assert (rerun.written, rerun.new, rerun.unchanged) == (True, 0, 2)
    assert Organization.objects.count() == 2
