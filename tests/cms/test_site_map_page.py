"""The site map for people (/karta-saitu/), the footer's links to it and to open data, and the labelled
search landmarks (two search forms on one page need names of their own)."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import NewsIndexPageFactory, NewsPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_site_map_lists_sections_and_their_pages(client, home_page):
    about = StandardPageFactory(parent=home_page, title="Про раду")
    StandardPageFactory(parent=about, title="Структура")
    news = NewsIndexPageFactory(parent=home_page, title="Новини")
    NewsPageFactory(parent=news, title="Сесія ради")

    response = client.get("/karta-saitu/")
    assert response.status_code == 200
    tree = soup(response).find("ul", class_="sitemap-tree")
    links = [a.text for a in tree.find_all("a")]
    assert links[:1] == ["Головна сторінка"]
    assert {"Про раду", "Структура", "Новини", "Сесія ради", "Відкриті дані"} <= set(links)


def test_footer_links_to_the_site_map_for_people_and_to_open_data(client, home_page):
    footer = soup(client.get(home_page.url)).find("footer")
    links = {a.text: a["href"] for a in footer.find_all("a")}
    assert links["Карта сайту"] == "/karta-saitu/"
    assert links["Відкриті дані"] == "/opendata/"


def test_logo_link_is_named_by_its_visible_text(client, home_page):
    brand = soup(client.get(home_page.url)).find("a", class_="brand")
    assert not brand.has_attr("aria-label")


def test_each_search_landmark_has_its_own_name(client, home_page):
    page = soup(client.get("/nemaie-takoi-storinky/"))
    names = [form.get("aria-label") for form in page.find_all("form", role="search")]
    assert len(names) == 2 and all(names) and len(set(names)) == 2
