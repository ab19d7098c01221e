"""An interrupted import, run again, ends exactly as an uninterrupted one (issue 11, point 5).

``manage.py import_legacy`` runs in a subprocess against a scratch database (a SQLite file, or a
PostgreSQL database when the tests run on PostgreSQL) and is killed with SIGKILL once some items are
written, or once all are and the post-pass may be under way; the same command then runs to the end.
A second database gets one uninterrupted run. The two are compared table by table: pages and their
specific rows, revisions, search postings, commission document → act relations, rewritten links,
redirects, documents, tags and the import's own bookkeeping.
"""

import json
import signal
import subprocess
import time

import pytest

from .conftest import BundleBuilder, act_item, docx_bytes, news_item
from .snapshot import snapshot
from .subprocess_db import ROOT, ScratchDatabases, manage_command

pytestmark = pytest.mark.django_db  # only for the settings; the work happens in the scratch databases

ACTS, NEWS, DOCUMENTS = 24, 16, 8
TOTAL = ACTS + NEWS + DOCUMENTS
BATCH = "3"


def items():
    """Commission documents first (they concern acts that come later), then news and acts interleaved;
    each body links to an act that comes later, so every kind of pending work is there."""
    documents = [
        {
            "legacy_id": f"c{n}",
            "type": "commission_document",
            "title": f"Висновок комісії {n}",
            "published": "10.05.2018",
            "commission": "Бюджетна комісія" if n % 2 else "Комісія з питань освіти",
            "doc_type": "conclusion",
            "concerns": [f"a{n}", f"a{n + 12}"],
            "body_html": f'<p>Див. <a href="/old/act-{n + 1}.html">рішення</a></p>',
        }
        for n in range(DOCUMENTS)
    ]
    acts = [
        act_item(
            f"a{n}",
            url=f"/old/act-{n}.html",
            number=f"{n}-49/2018",
            body_html=f'<p>Змінює <a href="/old/act-{(n + 7) % ACTS}.html">рішення</a> про бюджет</p>',
            attachments=[{"path": f"files/decision-{n % 3}.docx", "title": "Скан"}],
        )
        for n in range(ACTS)
    ]
    news = [
        news_item(
            f"n{n}",
            body_html=f'<p>Ухвалено <a href="http://old.example/old/act-{n + 5}.html">рішення</a></p>',
            tags=["бюджет", f"тема {n % 4}"],
        )
        for n in range(NEWS)
    ]
    mixed = [item for pair in zip(acts, news + [None] * (ACTS - NEWS), strict=True) for item in pair if item]
    return documents + mixed


@pytest.fixture(scope="module")
def databases(tmp_path_factory):
    scratch = ScratchDatabases(tmp_path_factory.mktemp("resume"))
    scratch.migrate_template()
    yield scratch
    scratch.drop_all()


@pytest.fixture(scope="module")
def bundle_path(tmp_path_factory):
    builder = BundleBuilder(tmp_path_factory.mktemp("resume-bundle") / "bundle")
    for n in range(3):
        builder.add_file(f"files/decision-{n}.docx", docx_bytes(f"Рішення про бюджет номер {n}"))
    return builder.add(*items()).write()


def import_command(databases, name, bundle_path, media):
    return subprocess.Popen(
        manage_command("import_legacy", str(bundle_path), "--no-progress", "--batch-size", BATCH),
        env={**databases.env(name, media), "LEGACY_SITE_HOSTS": "old.example"},
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def count_items(connection) -> int:
    cursor = connection.cursor()
    cursor.execute("SELECT COUNT(*) FROM pages_legacyitem")
    return cursor.fetchone()[0]


def run_to_end(databases, name, bundle_path, media):
    process = import_command(databases, name, bundle_path, media)
    _, err = process.communicate(timeout=600)
    assert process.returncode == 0, err.decode()


def kill_when(databases, name, bundle_path, media, written: int) -> int:
    """Start the import, SIGKILL it once ``written`` items are committed; the count it was killed at."""
    process = import_command(databases, name, bundle_path, media)
    with databases.connect(name) as connection:
        while process.poll() is None:
            try:
                count = count_items(connection)
            except Exception:  # noqa: BLE001 - the tables may be locked by the writer for a moment
                count = 0
            if count >= written:
                process.send_signal(signal.SIGKILL)
                process.wait()
                return count
            time.sleep(0.01)
    pytest.fail(f"the import ended before {written} items were written: {process.stderr.read().decode()}")


@pytest.fixture(scope="module")
def uninterrupted(databases, bundle_path, tmp_path_factory):
    databases.copy("whole")
    run_to_end(databases, "whole", bundle_path, tmp_path_factory.mktemp("media-whole"))
    with databases.connect("whole") as connection:
        return snapshot(connection)


def assert_same(expected, actual):
    assert expected.keys() == actual.keys()
    for table in expected:
        missing = sorted(set(expected[table]) - set(actual[table]))[:3]
        extra = sorted(set(actual[table]) - set(expected[table]))[:3]
        assert expected[table] == actual[table], f"{table}: missing {missing}, extra {extra}"


@pytest.mark.parametrize("written", [TOTAL // 3, TOTAL], ids=["during-batches", "after-batches"])
def test_an_interrupted_import_run_again_ends_as_an_uninterrupted_one(
    databases, bundle_path, uninterrupted, tmp_path_factory, written
):
    name = databases.copy(f"killed_{written}")
    media = tmp_path_factory.mktemp(f"media-{written}")
    killed_at = kill_when(databases, name, bundle_path, media, written)
    with databases.connect(name) as connection:
        if written < TOTAL:
            assert count_items(connection) < TOTAL, "killed after every batch: the test proves nothing"
        interrupted = snapshot(connection)
    assert interrupted != uninterrupted or killed_at == TOTAL
    run_to_end(databases, name, bundle_path, media)
    with databases.connect(name) as connection:
        assert_same(uninterrupted, snapshot(connection))


def test_the_uninterrupted_import_did_all_its_work(uninterrupted):
    items = [json.loads(row) for row in uninterrupted["legacy items"]]
    assert len(items) == TOTAL
    assert not any(item[flag] for item in items for flag in ("needs_index", "needs_links", "needs_relations"))
    assert len(uninterrupted["relations"]) == 2 * DOCUMENTS
    assert uninterrupted["postings"] and len(uninterrupted["redirects"]) == ACTS + NEWS
    assert not any("/old/act-" in row for row in uninterrupted["news"] + uninterrupted["acts"])
