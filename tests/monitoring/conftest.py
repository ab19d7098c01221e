import pytest

from monitoring.client import PoliteClient
from monitoring.models import WatchEntry, WatchKind

from .server import base_url, media_site


@pytest.fixture(scope="session")
def site_server():
    with media_site() as server:
        yield server


@pytest.fixture
def media(site_server):
    """The fixture site: ``media.url(path)`` and ``media.hits`` (the requests of this test only)."""
    site_server.hits.clear()

    class Media:
        base = base_url(site_server)
        server = site_server

        @property
        def hits(self):
            return [path for path, _headers in site_server.hits]

        def url(self, path):
            return self.base + path

    return Media()


@pytest.fixture
def polite():
    """A client with small timeouts and caps and no waiting, for tests: sleeps are recorded."""
    sleeps = []
    with PoliteClient(timeout=0.5, max_bytes=64 * 1024, host_delay=0, retries=2, sleep=sleeps.append) as c:
        c.sleeps = sleeps
        yield c


@pytest.fixture
def watch_entries(db):
    return [
        WatchEntry.objects.create(kind=WatchKind.MAYOR, phrase="міський голова"),
        WatchEntry.objects.create(kind=WatchKind.TOPIC, phrase="ремонт доріг"),
        WatchEntry.objects.create(kind=WatchKind.TOPIC, phrase="тарифи"),
        WatchEntry.objects.create(kind=WatchKind.ACT_NUMBER, phrase="№ 4-49/2018"),
        WatchEntry.objects.create(kind=WatchKind.BODY, phrase="виконавчий комітет"),
    ]
