"""Site settings are read once across requests and an editor's change shows at the next request."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.models import SiteSettings
from tests.factories import NewsIndexPageFactory, NewsPageFactory


def settings_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [q for q in queries if "cms_sitesettings" in q["sql"]]


def test_site_settings_are_not_read_again_by_the_next_request(client, home_page):
    settings_queries(client, home_page.url)
    assert settings_queries(client, home_page.url) == []


def test_saved_site_settings_show_at_the_next_request(client, home_page, site):
    settings = SiteSettings.for_site(site)
    settings.phone = "+380 4631 11111"
    settings.save()
    assert "+380 4631 11111" in client.get(home_page.url).content.decode()
    settings.phone = "+380 4631 22222"
    settings.save()
    content = client.get(home_page.url).content.decode()
    assert "+380 4631 22222" in content
    assert "+380 4631 11111" not in content


def test_a_news_page_shows_its_breadcrumbs_and_og_image_of_the_request_site(client, home_page, site):
    index = NewsIndexPageFactory(parent=home_page, title="Новини міста")
    news = NewsPageFactory(parent=index, title="Сесія ради")
    content = client.get(news.url).content.decode()
    assert f'href="{index.url}">Новини міста</a>' in content
    assert f'<meta property="og:image" content="{site.root_url}/' in content
