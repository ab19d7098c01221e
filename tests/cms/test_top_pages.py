"""The top of the tree is read once for the menu, the first URL level and the home page's indexes,
and an editor's publish, rename or unpublish shows at the next request."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import NewsIndexPageFactory, NewsPageFactory, StandardPageFactory


def queries_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, queries


def test_a_page_below_an_index_reads_no_page_of_the_top_level_once_warm(client, home_page):
    index = NewsIndexPageFactory(parent=home_page, slug="novyny")
    news = NewsPageFactory(parent=index, slug="sesiia")
    client.get(news.url)
    response, queries = queries_of(client, news.url)
    assert response.status_code == 200
    assert not [q for q in queries if "pages_newsindexpage" in q["sql"]]
    assert not [q for q in queries if "'novyny'" in q["sql"]]


def test_a_renamed_and_republished_menu_page_shows_in_the_menu_and_routing(client, home_page):
    section = StandardPageFactory(parent=home_page, title="Про місто", slug="misto", show_in_menus=True)
    assert "Про місто" in client.get("/").content.decode()
    assert client.get("/misto/").status_code == 200
    section.title = "Місто сьогодні"
    section.slug = "misto-sohodni"
    section.save_revision().publish()
    home = client.get("/").content.decode()
    assert "Місто сьогодні" in home and "Про місто" not in home
    assert client.get("/misto/").status_code == 404
    assert "Місто сьогодні" in client.get("/misto-sohodni/").content.decode()


def test_a_newly_published_menu_page_shows_at_the_next_request(client, home_page):
    client.get("/")
    page = StandardPageFactory(
        parent=home_page, title="Депутатам", slug="deputatam", live=False, show_in_menus=True
    )
    assert client.get("/deputatam/").status_code == 404
    page.save_revision().publish()
    assert "Депутатам" in client.get("/").content.decode()
    assert client.get("/deputatam/").status_code == 200


def test_an_unpublished_index_stops_routing_at_once(client, home_page):
    index = NewsIndexPageFactory(parent=home_page, slug="novyny", show_in_menus=True)
    client.get("/novyny/")
    index.unpublish()
    assert client.get("/novyny/").status_code == 404
    assert 'href="/novyny/"' not in client.get("/").content.decode()


def test_the_home_page_links_its_indexes_from_the_cached_top_pages(client, home_page):
    index = NewsIndexPageFactory(parent=home_page, title="Новини міста", slug="novyny")
    assert 'href="/novyny/"' in client.get("/").content.decode()
    index.slug = "novyny-mista"
    index.save_revision().publish()
    home = client.get("/").content.decode()
    assert 'href="/novyny-mista/"' in home and 'href="/novyny/"' not in home
