"""An embed inside a page's text follows the same rules as a video page."""

from bs4 import BeautifulSoup

from tests.factories import NewsIndexPageFactory, NewsPageFactory
from tests.pages.embed_finders import UnreachableProviderFinder


def test_embed_block_with_a_failing_provider_leaves_a_link_and_youtube_needs_no_network(
    client, settings, home_page
):
    UnreachableProviderFinder.calls = []
    settings.WAGTAILEMBEDS_FINDERS = [{"class": "tests.pages.embed_finders.UnreachableProviderFinder"}]
    news = NewsPageFactory(
        parent=NewsIndexPageFactory(parent=home_page),
        title="Сесія",
        body=[
            ("embed", "https://vimeo.com/76979871"),
            ("embed", "https://youtu.be/M7lc1UVf-VE"),
        ],
    )
    response = client.get(news.url)
    assert response.status_code == 200
    main = BeautifulSoup(response.content.decode(), "html.parser").find("main")
    assert main.select_one(".video-fallback a")["href"] == "https://vimeo.com/76979871"
    assert main.find("iframe", src="https://www.youtube-nocookie.com/embed/M7lc1UVf-VE")
    assert UnreachableProviderFinder.calls == ["https://vimeo.com/76979871"]
