"""``sitemap.xml`` lists the deputies' and meetings' pages beside the tree's, and follows their changes."""

import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache

from cms.cache import HEADER
from tests import factories as f

from .factories import DeputyFactory, MeetingFactory

pytestmark = pytest.mark.django_db
LOC = "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"


def locations(client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return [element.text for element in ET.fromstring(response.content).iter(LOC)]


def test_the_sitemap_lists_the_deputies_the_meetings_and_their_lists_beside_the_pages(
    client, home_page, site
):
    news = f.NewsPageFactory(parent=f.NewsIndexPageFactory(parent=home_page), slug="sesiia")
    deputy = DeputyFactory(slug="boiko")
    meeting = MeetingFactory()

    found = locations(client)
    for path in ("/deputaty/", "/deputaty/boiko/", "/zasidannia/", f"/zasidannia/{meeting.pk}/", news.url):
        assert f"{site.root_url}{path}" in found, path
    assert deputy.pk and len(found) == len(set(found))


def test_a_meeting_announced_is_in_the_cached_sitemap_at_the_next_request(
    client, settings, site, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    first = MeetingFactory()
    assert f"{site.root_url}/zasidannia/{first.pk}/" in locations(client)
    assert client.get("/sitemap.xml")[HEADER] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        announced = MeetingFactory()  # a meeting is no site-wide model: only the council's pages are purged

    assert f"{site.root_url}/zasidannia/{announced.pk}/" in locations(client)
    cache.clear()
