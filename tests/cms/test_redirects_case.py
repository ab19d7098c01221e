"""An old address typed or linked in other capitals than the stored redirect still leads to its page."""

from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db
REDIRECTS_TABLE = Redirect._meta.db_table


@pytest.fixture
def page(home_page):
    return StandardPageFactory(parent=home_page, slug="sesiia")


@pytest.fixture
def other_page(home_page):
    return StandardPageFactory(parent=home_page, slug="inshe")


def lands_on(client, address) -> str | None:
    """The path a permanent redirect of ``address`` leads to, None for a 404."""
    response = client.get(address)
    if response.status_code == 404:
        return None
    assert response.status_code == 301, address
    return urlsplit(response["Location"]).path  # absolute when the tree serves two sites


@pytest.mark.parametrize("typed", ["/News.php?id=5", "/NEWS.PHP?ID=5", "/news.php?Id=5", "/News.php/?id=5"])
def test_an_old_address_in_other_capitals_redirects(client, site, page, typed):
    Redirect.objects.create(old_path="/news.php?id=5", redirect_page=page, site=site)
    assert lands_on(client, typed) == "/sesiia/"


@pytest.mark.parametrize("typed", ["/docs/rishennya-12.html", "/Docs/RISHENNYA-12.HTML"])
def test_a_stored_address_with_capitals_is_found_in_small_letters(client, site, page, typed):
    Redirect.objects.create(old_path="/DOCS/Rishennya-12.html", redirect_page=page, site=site)
    assert lands_on(client, typed) == "/sesiia/"


def test_parameters_whose_capitals_change_their_order_are_still_found(client, site, page):
    Redirect.objects.create(old_path="/news.php?cat=2&id=5", redirect_page=page, site=site)
    # Sorted as typed, ``ID`` comes before ``cat``: the lookup sorts the lowercase forms.
    assert lands_on(client, "/News.php?ID=5&cat=2") == "/sesiia/"


def test_another_item_in_other_capitals_is_still_a_404(client, site, page):
    Redirect.objects.create(old_path="/news.php?id=5", redirect_page=page, site=site)
    assert lands_on(client, "/News.php?id=7") is None
    assert lands_on(client, "/News.php?id=5&cat=2") is None


def test_tracking_parameters_and_other_capitals_together(client, site, page):
    Redirect.objects.create(old_path="/news.php?id=5", redirect_page=page, site=site)
    assert lands_on(client, "/News.php?ID=5&utm_source=facebook&FBCLID=IwAR0abc") == "/sesiia/"


def test_the_path_alone_in_other_capitals_redirects_an_address_with_any_query(client, site, page):
    """As Wagtail's lookup falls back on the path alone (``/arkhiv.html?print=1``)."""
    Redirect.objects.create(old_path="/Arkhiv.html", redirect_page=page, site=site)
    assert lands_on(client, "/arkhiv.html?print=1") == "/sesiia/"


def test_the_whole_address_comes_before_the_path_alone(client, site, page, other_page):
    Redirect.objects.create(old_path="/news.php", redirect_page=other_page, site=site)
    Redirect.objects.create(old_path="/news.php?id=5", redirect_page=page, site=site)
    assert lands_on(client, "/NEWS.php?id=5") == "/sesiia/"


def test_the_exact_address_wins_over_one_differing_only_by_case(client, site, page, other_page):
    Redirect.objects.create(old_path="/news.php?id=5", redirect_page=page, site=site)
    Redirect.objects.create(old_path="/NEWS.php?id=5", redirect_page=other_page, site=site)
    assert lands_on(client, "/news.php?id=5") == "/sesiia/"
    assert lands_on(client, "/NEWS.php?id=5") == "/inshe/"
    assert lands_on(client, "/news.php?id=5&utm_source=viber") == "/sesiia/"


def test_two_stored_addresses_differing_only_by_case_are_not_guessed_between(client, site, page, other_page):
    Redirect.objects.create(old_path="/News.php?id=5", redirect_page=page, site=site)
    Redirect.objects.create(old_path="/NEWS.php?id=5", redirect_page=other_page, site=site)
    assert lands_on(client, "/news.php?id=5") is None
    assert lands_on(client, "/news.php?id=5&fbclid=IwAR0abc") is None


def test_the_sites_own_redirect_comes_before_the_all_sites_one(client, site, page, other_page):
    Redirect.objects.create(old_path="/news.php?id=5", redirect_page=other_page, site=None)
    Redirect.objects.create(old_path="/NEWS.php?id=5", redirect_page=other_page, site=None)
    Redirect.objects.create(old_path="/News.php?id=5", redirect_page=page, site=site)
    assert lands_on(client, "/news.PHP?id=5") == "/sesiia/"


def test_an_all_sites_redirect_serves_when_the_site_has_none(client, site, page):
    Redirect.objects.create(old_path="/News.php?id=5", redirect_page=page, site=None)
    assert lands_on(client, "/news.php?id=5") == "/sesiia/"


def test_another_sites_redirect_is_neither_used_nor_counted(client, site, home_page, page, other_page):
    other = Site.objects.create(hostname="vykonkom.example", port=80, root_page=home_page)
    Redirect.objects.create(old_path="/news.php?id=6", redirect_page=other_page, site=other)
    assert lands_on(client, "/NEWS.php?id=6") is None
    Redirect.objects.create(old_path="/NEWS.php?id=5", redirect_page=other_page, site=other)
    Redirect.objects.create(old_path="/News.php?id=5", redirect_page=page, site=site)
    assert lands_on(client, "/news.php?id=5") == "/sesiia/"


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite ignores the case of ASCII letters only")
def test_a_cyrillic_address_in_other_capitals_redirects(client, site, page):
    Redirect.objects.create(old_path="/Новини/Сесія", redirect_page=page, site=site)
    assert lands_on(client, "/новини/СЕСІЯ") == "/sesiia/"


def redirect_queries(client, address) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        client.get(address)
    return [query["sql"] for query in queries.captured_queries if REDIRECTS_TABLE in query["sql"]]


def test_an_answer_other_than_a_404_looks_no_redirect_up(client, site, page):
    Redirect.objects.create(old_path="/News.php?id=5", redirect_page=page, site=site)
    assert redirect_queries(client, "/sesiia/") == []
    assert redirect_queries(client, "/sesiia/?ID=5") == []


@pytest.mark.parametrize(
    "address, ours",
    [
        ("/news.php?id=7", 1),  # the case-insensitive lookup
        ("/news.php?id=7&fbclid=IwAR0abc", 2),  # without the tracking parameters, then ignoring case
    ],
)
def test_a_404_costs_one_query_more_than_wagtails_lookup_per_step(settings, site, page, address, ours):
    Redirect.objects.create(old_path="/News.php?id=5", redirect_page=page, site=site)
    ours_only = "cms.redirects.RedirectMiddleware"
    wagtails_only = [
        "wagtail.contrib.redirects.middleware.RedirectMiddleware" if name == ours_only else name
        for name in settings.MIDDLEWARE
    ]
    assert wagtails_only != settings.MIDDLEWARE
    with override_settings(MIDDLEWARE=wagtails_only):
        wagtails = redirect_queries(Client(), address)
    assert len(redirect_queries(Client(), address)) == len(wagtails) + ours


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the expression index is PostgreSQL's")
def test_the_lookup_ignoring_case_can_use_the_expression_index(site, page):
    """``cms`` migration 0007: a 404 must not scan every stored redirect (tens of thousands after the
    legacy import); the planner, told to avoid a scan, reads the index on ``UPPER(old_path)``."""
    Redirect.objects.create(old_path="/news.php?id=5", redirect_page=page, site=site)
    lookup = Redirect.get_for_site(site).filter(old_path__iexact="/NEWS.php?id=5")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = lookup.explain()
    assert "cms_redirect_old_path_upper" in plan
