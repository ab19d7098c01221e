"""One fetch run at a time (``monitoring.lease``): a second run, while one is going, says so and exits at
once; a run killed with its lease held blocks the next ones only until the lease expires.

The runs that overlap are real processes (``manage.py fetch_media``) on one database: on PostgreSQL
the test database; on SQLite, whose test database lives in memory, a file copy of it (``Shared``)."""

import datetime
import io
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from monitoring.client import PoliteClient
from monitoring.fetch import FetchRun, fetch_source
from monitoring.lease import FETCH, Busy, Lease, fetch_ttl
from monitoring.matching import WatchList
from monitoring.models import Article, FetchLease, Source
from monitoring.tasks import fetch_due_media

from .server import Handler, base_url, media_site

BUSY = "цей запуск пропущено"
RUN = ["--delay", "0", "--timeout", "30"]


class HeldFeed(Handler):
    """The fixture site, with /held.xml: the RSS feed, whose first request is held until the test
    lets it go (``server.release``); ``server.holding`` is set when that request has come."""

    def do_GET(self):  # noqa: N802 (the name http.server calls)
        if self.path == "/held.xml":
            self.server.feed_requests += 1
            if not self.server.holding.is_set():
                self.server.holding.set()
                self.server.release.wait(60)
            self.path = "/rss.xml"
        return super().do_GET()


@pytest.fixture
def held_site():
    with media_site(HeldFeed) as server:
        server.holding, server.release, server.feed_requests = threading.Event(), threading.Event(), 0
        server.feed = base_url(server) + "/held.xml"
        try:
            yield server
        finally:
            server.release.set()


class Shared:
    """The test database as another process opens it (``env``). On SQLite in memory, ``push`` copies
    it to a file for the processes and ``pull`` copies their writes back; elsewhere both do nothing."""

    def __init__(self, tmp_path):
        s = connection.settings_dict
        self.copy = connection.vendor == "sqlite" and connection.is_in_memory_db()
        if self.copy:
            self.path = tmp_path / "shared.sqlite3"
            url = f"sqlite:///{self.path}"
        elif connection.vendor == "sqlite":
            url = f"sqlite:///{s['NAME']}"
        else:
            password = f":{s['PASSWORD']}" if s["PASSWORD"] else ""
            host = f"{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}"
            url = f"postgres://{s['USER'] or 'postgres'}{password}@{host}/{s['NAME']}"
        self.env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "settings.test"}

    def _backup(self, source, target):
        connection.ensure_connection()
        source.backup(target)

    def push(self):
        if self.copy:
            with sqlite3.connect(self.path) as file:
                self._backup(connection.connection, file)
            file.close()

    def pull(self):
        if self.copy:
            with sqlite3.connect(self.path) as file:
                self._backup(file, connection.connection)
            file.close()

    def start(self, *args):
        """``manage.py fetch_media`` in a process of its own."""
        return subprocess.Popen(
            [sys.executable, "manage.py", "fetch_media", *args],
            cwd=settings.BASE_DIR,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def run(self, *args):
        process = self.start(*args)
        out, err = process.communicate(timeout=120)
        return process.returncode, out, err


@pytest.fixture
def shared(tmp_path):
    return Shared(tmp_path)


def wait_for(event, process):
    """Wait until ``event``; fail at once, with the run's output, if the run ended first."""
    deadline = time.monotonic() + 60
    while not event.wait(0.1):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"the first run never reached the feed: {process.communicate()}")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_second_run_exits_at_once_while_the_first_is_still_fetching(held_site, shared):
    shared.push()
    first = shared.start("--feed", held_site.feed, *RUN)
    wait_for(held_site.holding, first)  # the first run holds the lease, waiting for the slow feed

    code, out, err = shared.run("--feed", held_site.feed, *RUN)
    assert first.poll() is None  # the second did not wait for the first to end
    assert (code, out) == (0, "")
    assert BUSY in err and f"pid {first.pid}" in err
    assert held_site.feed_requests == 1  # the second read nothing

    held_site.release.set()
    out, err = first.communicate(timeout=120)
    assert first.returncode == 0 and len(out.splitlines()) == 2, err
    code, out, err = shared.run("--feed", held_site.feed, *RUN)  # the lease was given back
    assert code == 0 and BUSY not in err and held_site.feed_requests == 2
    shared.pull()
    assert Article.objects.count() == 2 and not FetchLease.objects.exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_killed_runs_lease_blocks_only_until_it_expires(held_site, shared):
    shared.push()
    killed = shared.start("--feed", held_site.feed, *RUN)
    wait_for(held_site.holding, killed)
    os.kill(killed.pid, signal.SIGKILL)
    killed.communicate(timeout=30)

    code, out, err = shared.run("--feed", held_site.feed, *RUN)
    assert code == 0 and BUSY in err and f"pid {killed.pid}" in err  # the lease is still in force

    shared.pull()
    lease = FetchLease.objects.get(name=FETCH)
    assert f"pid {killed.pid}" in lease.holder and lease.expires_at > timezone.now()
    # The clock past the lease, as a later cron run would find it (the lease lasts minutes).
    FetchLease.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    shared.push()
    code, out, err = shared.run("--feed", held_site.feed, *RUN)
    assert code == 0 and BUSY not in err and len(out.splitlines()) == 2, err
    shared.pull()
    assert Article.objects.count() == 2 and not FetchLease.objects.exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_run_stopped_by_sigterm_gives_its_lease_back(held_site, shared):
    """``systemctl stop`` or a shutdown: the next run need not wait for the lease to expire."""
    shared.push()
    stopped = shared.start("--feed", held_site.feed, *RUN)
    wait_for(held_site.holding, stopped)
    stopped.send_signal(signal.SIGTERM)
    stopped.communicate(timeout=30)
    assert stopped.returncode == 128 + signal.SIGTERM

    code, out, err = shared.run("--feed", held_site.feed, *RUN)
    assert code == 0 and BUSY not in err and len(out.splitlines()) == 2, err
    shared.pull()
    assert not FetchLease.objects.exists()


@pytest.mark.django_db
def test_a_lease_not_renewed_expires_and_its_late_holder_stops():
    ttl = datetime.timedelta(seconds=1)
    first = Lease.take(FETCH, ttl=ttl, holder="first")
    with pytest.raises(Busy, match="first"):
        Lease.take(FETCH, ttl=ttl, holder="second")
    assert first.renew()  # within a tenth of the lease: nothing to write
    time.sleep(1.1)
    second = Lease.take(FETCH, ttl=ttl, holder="second")
    assert not first.renew() and first.lost
    first.release()  # the late holder gives back nothing of the new one's
    assert FetchLease.objects.get().holder == "second"
    second.release()
    assert not FetchLease.objects.exists()


@pytest.mark.django_db
def test_a_renewed_lease_outlives_its_first_expiry():
    ttl = datetime.timedelta(seconds=1)
    lease = Lease.take(FETCH, ttl=ttl, holder="first")
    for _ in range(4):
        time.sleep(0.4)
        assert lease.renew()
    with pytest.raises(Busy, match="first"):
        Lease.take(FETCH, ttl=ttl, holder="second")


@pytest.mark.django_db
def test_a_run_whose_lease_was_taken_over_stops_before_the_next_article_and_says_so(media, polite):
    source = Source.objects.create(name="Вісник", slug="visnyk", url=media.url("/rss.xml"))
    ttl = datetime.timedelta(seconds=0.5)
    lease = Lease.take(FETCH, ttl=ttl, holder="late")
    time.sleep(0.6)
    Lease.take(FETCH, ttl=datetime.timedelta(minutes=5), holder="new")
    run = FetchRun(lease=lease)
    assert fetch_source(source=source, client=polite, watch_list=WatchList([]), run=run) == []
    assert "/articles/one" not in media.hits and Article.objects.count() == 0
    assert run.report()[-1].startswith("Час блокування цієї перевірки сплив")


@pytest.mark.django_db
def test_the_command_and_the_task_fetch_nothing_while_another_run_holds_the_lease(media):
    Source.objects.create(name="Вісник", slug="visnyk", url=media.url("/rss.xml"))
    Lease.take(FETCH, ttl=datetime.timedelta(minutes=5), holder="сервер, pid 4242")
    out, err = io.StringIO(), io.StringIO()
    call_command("fetch_media", "--delay", "0", "--timeout", "0.5", stdout=out, stderr=err)
    assert out.getvalue() == "" and err.getvalue().startswith("Попередня перевірка джерел ще триває")
    assert "сервер, pid 4242" in err.getvalue()
    assert fetch_due_media.enqueue(timeout=0.5, host_delay=0).return_value == 0
    assert media.hits == [] and Article.objects.count() == 0


def test_the_fetch_lease_outlasts_the_longest_request():
    with PoliteClient(timeout=15) as client:
        assert client.longest_get() == 2 * (3 * (2 + 15 + 60) + 3)
        assert fetch_ttl(client) == datetime.timedelta(seconds=2 * client.longest_get())
    with PoliteClient(timeout=0.5, host_delay=0) as client:
        assert fetch_ttl(client) == datetime.timedelta(minutes=5)
