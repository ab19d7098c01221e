import datetime
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.conf import settings as django_settings
from wagtail.contrib.redirects.models import Redirect

from cms.models import SiteSettings
from cms.templatetags.cms_tags import uk_date
from tests.factories import ImageFactory, NewsIndexPageFactory, NewsPageFactory, StandardPageFactory


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_admin_speaks_ukrainian(editor_client):
    response = editor_client.get("/admin/")
    assert response.status_code == 200
    text = response.content.decode()
    assert 'lang="uk"' in text
    assert "Бічна панель" in text  # Wagtail's "Sidebar"
    assert "Перейти до основного" in text  # "Skip to main content"
    assert "Sidebar" not in text and "Skip to main content" not in text


def import_production_settings(env, code="import settings.production"):
    """Import the production settings in a fresh interpreter, as a server would at start."""
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def production_env(**overrides):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS"}}
    env.update({"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "nizhynrada.gov.ua"}, **overrides)
    return env


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_settings_refuse_to_start_without_required_variable(missing):
    env = production_env()
    del env[missing]
    result = import_production_settings(env)
    assert result.returncode != 0
    assert f"The environment variable {missing} must be set in production" in result.stderr


def test_production_settings_load_when_configured():
    code = "import settings.production as s; print(s.ALLOWED_HOSTS)"
    result = import_production_settings(production_env(), code)
    assert result.returncode == 0, result.stderr
    assert "nizhynrada.gov.ua" in result.stdout


def test_sitemap_lists_live_pages(client, home_page):
    index = NewsIndexPageFactory(parent=home_page)
    news = NewsPageFactory(parent=index, slug="sesiia")
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locations = [
        el.text
        for el in ET.fromstring(response.content).iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    ]
    assert any(loc.endswith("/novyny/sesiia/") for loc in locations)
    assert any(loc.endswith(index.url) for loc in locations)
    assert news.live


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_redirect_from_an_old_address_leads_to_the_page(client, home_page, site):
    page = StandardPageFactory(parent=home_page, slug="pro-radu")
    Redirect.objects.create(old_path="/index.php/pro-radu", redirect_page=page, site=site)
    response = client.get("/index.php/pro-radu")
    assert response.status_code == 301
    assert response["Location"].endswith("/pro-radu/")


@pytest.mark.parametrize(
    "shared",
    [
        "/news.php?id=5&fbclid=IwAR0abc",
        "/news.php?utm_source=facebook&utm_medium=social&id=5",
        "/news.php?id=5&UTM_Campaign=sesiia&gclid=x1",
    ],
)
def test_an_old_address_shared_with_tracking_parameters_still_redirects(client, home_page, site, shared):
    page = StandardPageFactory(parent=home_page, slug="pro-radu")
    Redirect.objects.create(old_path="/news.php?id=5", redirect_page=page, site=site)
    Redirect.objects.create(old_path="/news.php?id=6", redirect_page=home_page, site=site)
    response = client.get(shared)
    assert response.status_code == 301
    assert response["Location"].endswith("/pro-radu/")


def test_tracking_parameters_are_dropped_but_not_the_ones_that_name_the_item(client, home_page, site):
    page = StandardPageFactory(parent=home_page, slug="pro-radu")
    Redirect.objects.create(old_path="/news.php?id=5", redirect_page=page, site=site)
    assert client.get("/news.php?id=7&fbclid=IwAR0abc").status_code == 404
    assert client.get("/news.php?fbclid=IwAR0abc").status_code == 404


def test_404_page_is_in_ukrainian(client, home_page):
    response = client.get("/nemaie-takoi-storinky/")
    assert response.status_code == 404
    page = soup(response)
    assert page.html["lang"] == "uk"
    assert "Сторінку не знайдено" in page.h1.text
    assert page.find("form", action="/search/")


@pytest.mark.urls("tests.cms.urls_raising")
def test_500_page_is_in_ukrainian(client, home_page):
    client.raise_request_exception = False
    response = client.get("/fail/")
    assert response.status_code == 500
    page = soup(response)
    assert page.html["lang"] == "uk"
    assert "Помилка сервера" in page.h1.text


def test_every_page_has_landmarks_skip_link_and_labelled_search(client, home_page):
    response = client.get(home_page.url)
    page = soup(response)
    assert page.html["lang"] == "uk"
    assert page.find("header") and page.find("footer") and page.find("nav")
    assert page.find("main", id="main")
    skip = page.find("a", class_="skip-link")
    assert skip["href"] == "#main"
    form = page.find("form", role="search")
    assert form["action"] == "/search/" and form["method"] == "get"
    field = form.find("input", attrs={"name": "q"})
    assert page.find("label", attrs={"for": field["id"]})


def test_stylesheet_has_visible_focus_styles(client):
    response = client.get("/static/cms/site.css")
    assert response.status_code == 200
    css = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    assert ":focus-visible" in css and "outline: 3px solid" in css


def test_breadcrumbs_mark_the_current_page(client, home_page):
    index = NewsIndexPageFactory(parent=home_page)
    news = NewsPageFactory(parent=index, title="Сесія ради")
    nav = soup(client.get(news.url)).find("nav", class_="breadcrumbs")
    assert nav["aria-label"] == "Навігаційний ланцюжок"
    links = nav.find_all("a")
    assert [a.text for a in links] == ["Головна", "Новини", "Сесія ради"]
    assert links[-1]["aria-current"] == "page"


def test_open_graph_metadata_describes_the_page(client, home_page):
    index = NewsIndexPageFactory(parent=home_page)
    image = ImageFactory()
    news = NewsPageFactory(
        parent=index, title="Сесія ради", lead="Депутати ухвалили бюджет.", main_image=image
    )
    head = soup(client.get(news.url)).head
    og = {tag["property"]: tag["content"] for tag in head.find_all("meta", property=True)}
    assert og["og:title"] == "Сесія ради"
    assert og["og:description"] == "Депутати ухвалили бюджет."
    assert og["og:type"] == "article"
    assert og["og:url"] == news.full_url
    # One base URL, the Site's, for og:url and og:image alike (manage.py set_site_url).
    assert og["og:image"].startswith(news.get_site().root_url + "/") and og["og:image"].endswith(".png")


def test_footer_shows_contacts_and_platforms(client, home_page, site):
    SiteSettings.objects.update_or_create(
        site=site,
        defaults={
            "address": "м. Ніжин, пл. Франка, 1",
            "phone": "+380 4631 7-11-35",
            "petitions_url": "https://petition.e-dem.ua/nizhyn",
            "facebook_url": "https://facebook.com/nizhynrada",
        },
    )
    footer = soup(client.get(home_page.url)).footer
    assert "м. Ніжин, пл. Франка, 1" in footer.text
    assert footer.find("a", href="https://petition.e-dem.ua/nizhyn")
    assert footer.find("a", href="https://facebook.com/nizhynrada")


def test_dates_are_written_in_ukrainian_with_the_month_in_the_genitive():
    assert uk_date(datetime.date(2018, 11, 8)) == "8 листопада 2018"
    assert uk_date(datetime.date(2019, 3, 1)) == "1 березня 2019"
    assert uk_date(None) == ""


def test_main_menu_follows_publishing_moving_and_deleting(client, home_page):
    from tests.factories import StandardPageFactory

    def menu():
        html = client.get("/").content.decode()
        nav = html[html.index('class="main-nav__list"') :]
        return nav[: nav.index("</ul>")]

    section = StandardPageFactory(parent=home_page, title="Бюджет громади", show_in_menus=True)
    assert "Бюджет громади" in menu()
    section.unpublish()
    assert "Бюджет громади" not in menu()
    section.save_revision().publish()
    assert "Бюджет громади" in menu()
    other = StandardPageFactory(parent=home_page, title="Про місто")
    section.move(other, pos="last-child")
    assert "Бюджет громади" not in menu()
    other.show_in_menus = True
    other.save_revision().publish()
    assert "Про місто" in menu()
    other.delete()
    assert "Про місто" not in menu()


def test_main_menu_is_read_once_until_a_page_changes(client, home_page):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from cms.menus import forget_menus
    from tests.factories import StandardPageFactory

    StandardPageFactory(parent=home_page, title="Про місто", show_in_menus=True)  # a leaf needs no query

    def home_queries():
        with CaptureQueriesContext(connection) as queries:
            client.get("/")
        return len(queries)

    client.get("/")  # every cache warm
    cached = home_queries()
    forget_menus()
    assert home_queries() > cached  # the top of the tree is read again, once
    assert home_queries() == cached
