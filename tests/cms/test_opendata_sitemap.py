"""``sitemap.xml`` lists the open data page on the site's root URL, dated by its datasets' latest change,
and the cached sitemap is purged when that date moves."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from cms.cache import HEADER
from pages.models import ActPage
from registry.models import Organization, OrganizationKind
from tests import factories as f

pytestmark = pytest.mark.django_db
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
#: 22:30 UTC on 5 March is 00:30 on 6 March in Kyiv (winter time, UTC+2).
LATE_EVENING = datetime.datetime(2019, 3, 5, 22, 30, tzinfo=datetime.UTC)


def entries(client) -> dict[str, str | None]:
    """Each address of the sitemap with its ``lastmod`` (None when it has none)."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return {
        url.findtext("sm:loc", namespaces=NS): url.findtext("sm:lastmod", namespaces=NS)
        for url in ET.fromstring(response.content).iterfind("sm:url", NS)
    }


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def act(home_page):
    """An act whose last publication was late on 5 March 2019, UTC."""
    act = f.ActPageFactory(parent=f.ActIndexPageFactory(parent=home_page))
    ActPage.objects.filter(pk=act.pk).update(last_published_at=LATE_EVENING, first_published_at=LATE_EVENING)
    return ActPage.objects.get(pk=act.pk)


def test_the_open_data_page_is_listed_on_the_sites_root_url_not_the_requests_host(client, site):
    site.hostname, site.port = "nizhynrada.gov.ua", 443
    site.save()
    found = entries(client)
    assert "https://nizhynrada.gov.ua/opendata/" in found
    assert not any("testserver" in location for location in found)


def test_only_the_page_for_people_is_listed_not_the_files_for_programs(client, site):
    assert [location for location in entries(client) if "/opendata/" in location] == [
        f"{site.root_url}/opendata/"
    ]


def test_the_open_data_page_is_dated_by_the_latest_change_of_its_datasets_in_kyiv(client, site, act):
    opendata = f"{site.root_url}/opendata/"
    assert entries(client)[opendata] == "2019-03-06"
    Organization.objects.create(kind=OrganizationKind.NGO, name="Громадська спілка", edrpou="12345678")
    assert entries(client)[opendata] == timezone.localdate().isoformat()


def test_an_empty_catalogue_gives_the_page_no_date(client, site):
    assert entries(client)[f"{site.root_url}/opendata/"] is None


def publish_the_act(act):
    act.save_revision().publish()


def save_an_organisation(act):
    """No page is published: the registry's organisations purge the ``council`` section, sitemap included."""
    Organization.objects.create(kind=OrganizationKind.NGO, name="Громадська спілка", edrpou="12345678")


@pytest.mark.parametrize("change", [publish_the_act, save_an_organisation])
def test_a_change_of_a_dataset_purges_the_cached_sitemap_and_moves_the_pages_date(
    change, client, page_cache, site, act, django_capture_on_commit_callbacks
):
    opendata = f"{site.root_url}/opendata/"
    assert entries(client)[opendata] == "2019-03-06"
    assert client.get("/sitemap.xml")[HEADER] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        change(act)

    assert client.get("/sitemap.xml")[HEADER] == "miss"
    assert entries(client)[opendata] == timezone.localdate().isoformat()
