"""manage.py set_site_url: one base URL, the Wagtail Site's, for canonical links, og:url and sitemap.xml."""

import io

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_set_site_url_sets_the_default_site_and_the_canonical_link(site, client, monkeypatch, settings):
    settings.ALLOWED_HOSTS = ["nizhynrada.gov.ua"]
    monkeypatch.setenv("SITE_BASE_URL", "https://nizhynrada.gov.ua")
    call_command("set_site_url", stdout=io.StringIO())
    site.refresh_from_db()
    assert site.root_url == "https://nizhynrada.gov.ua"

    html = client.get("/", HTTP_HOST="nizhynrada.gov.ua").content.decode()
    assert '<link rel="canonical" href="https://nizhynrada.gov.ua/">' in html


def test_make_run_address_keeps_its_port(site):
    call_command("set_site_url", "http://127.0.0.1:8000", stdout=io.StringIO())
    site.refresh_from_db()
    assert site.root_url == "http://127.0.0.1:8000"


@pytest.mark.parametrize("url", ["", "ftp://example.org", "nizhynrada.gov.ua"])
def test_set_site_url_refuses_what_is_not_an_http_url(site, monkeypatch, url):
    monkeypatch.delenv("SITE_BASE_URL", raising=False)
    with pytest.raises(CommandError):
        call_command("set_site_url", url, stdout=io.StringIO())
