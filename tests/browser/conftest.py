"""A real Chromium (Debian's, never a downloaded one) against a live server on 127.0.0.1.

One browser and one live server for the package, with the demo content loaded once (each journey's
writes are rolled back after it). The server thread and the test share the
test database, which is restored to what the migrations made when the package ends.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import override_settings
from pytest_django.live_server_helper import LiveServer

from .demo import demo_urls, journey_data

CHROMIUM = "/usr/bin/chromium"
AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
OUTPUT = Path(__file__).resolve().parents[2] / "test-output" / "browser"
ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"
DEMO_ADMIN = ("admin", "demo-browser-password-1")
#: The widths every page must hold at: a phone and a common laptop.
WIDTHS = (390, 1366)


@pytest.fixture(scope="package")
def chromium(site_server):
    """Debian's Chromium driven by Playwright; the suite is skipped with the reason when it is missing.

    Playwright's sync API runs an event loop in this thread, and Django refuses (or, in another
    context, cannot see) the test database from there: everything the suite needs from the database
    is read by ``site_server`` before the browser starts, and the tests talk to the site only over HTTP.
    The test's own transaction (``django_db``) is opened from that thread: allowed explicitly.
    """
    if shutil.which(CHROMIUM) is None:
        pytest.skip(f"Debian's chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install -e .[test]")
    previous = os.environ.get(ASYNC_UNSAFE)
    os.environ[ASYNC_UNSAFE] = "true"
    try:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop(ASYNC_UNSAFE, None)


@pytest.fixture(scope="session")
def axe_source():
    if not AXE_JS.exists():
        pytest.skip(f"{AXE_JS} is missing: run `npm ci` at the repository root (make test does)")
    return AXE_JS.read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def media_root():
    """Overrides the per-test media directory: the package's server keeps the demo's files."""


@pytest.fixture(scope="package")
def site_server(request, django_db_setup, django_db_blocker, tmp_path_factory):
    """A live server on 127.0.0.1 serving the demo site; the test database is restored afterwards.

    The tests are marked ``django_db`` (so that the test database exists): each runs in a transaction
    on SQLite's in-memory connection, which the server thread shares, so what a journey writes is
    rolled back after it while the demo content, committed here, stays for the package.
    """
    media = tmp_path_factory.mktemp("browser-media")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=str(media), ALLOWED_HOSTS=["127.0.0.1", "testserver"]),
    ):
        if connection.vendor == "sqlite" and not connection.is_in_memory_db():
            pytest.fail("the browser suite needs the in-memory SQLite test database")
        # What the migrations made (the home page, groups, workflow), to put back when the package ends.
        initial = connection.creation.serialize_db_to_string()
        call_command("load_demo", admin_user=DEMO_ADMIN[0], admin_password=DEMO_ADMIN[1], verbosity=0)
        server = LiveServer("127.0.0.1:0")
        server.urls = demo_urls()
        server.data = journey_data()
        try:
            yield server
        finally:
            server.stop()
            call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
            connection.creation.deserialize_db_from_string(initial)


@pytest.fixture(scope="session")
def output_dir():
    """Screenshots of the journeys, in test-output/browser/ (ignored by git)."""
    OUTPUT.mkdir(parents=True, exist_ok=True)
    return OUTPUT
