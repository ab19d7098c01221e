"""Videos: YouTube plays from youtube-nocookie.com without a network call; other providers go
through Wagtail's embeds, and a failing provider leaves a readable page with a plain link."""

import pytest
from bs4 import BeautifulSoup
from wagtail.embeds.models import Embed

from tests.factories import VideoIndexPageFactory, VideoPageFactory
from tests.pages.embed_finders import NotFoundProviderFinder, UnreachableProviderFinder, WorkingProviderFinder


@pytest.fixture
def index(home_page):
    return VideoIndexPageFactory(parent=home_page)


def use_finder(settings, finder):
    finder.calls = []
    settings.WAGTAILEMBEDS_FINDERS = [{"class": f"{finder.__module__}.{finder.__name__}"}]


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com/watch?v=M7lc1UVf-VE",
        "https://youtu.be/M7lc1UVf-VE",
        "https://www.youtube.com/embed/M7lc1UVf-VE?start=10",
    ],
)
def test_youtube_video_is_a_privacy_enhanced_embed_built_without_the_network(client, settings, index, url):
    use_finder(settings, UnreachableProviderFinder)
    video = VideoPageFactory(parent=index, title="Сесія ради", video_url=url)
    response = client.get(video.url)
    assert response.status_code == 200
    iframe = BeautifulSoup(response.content.decode(), "html.parser").find("main").find("iframe")
    assert iframe["src"] == "https://www.youtube-nocookie.com/embed/M7lc1UVf-VE"
    assert iframe["title"] == "Сесія ради"
    assert UnreachableProviderFinder.calls == []
    assert not Embed.objects.exists()


def test_other_provider_is_embedded_through_wagtail_embeds(client, settings, index):
    use_finder(settings, WorkingProviderFinder)
    video = VideoPageFactory(parent=index, video_url="https://vimeo.com/76979871")
    main = BeautifulSoup(client.get(video.url).content.decode(), "html.parser").find("main")
    assert main.find("iframe", src="https://player.example/1")
    assert WorkingProviderFinder.calls == ["https://vimeo.com/76979871"]


@pytest.mark.parametrize("finder", [UnreachableProviderFinder, NotFoundProviderFinder])
def test_failing_provider_leaves_a_plain_link(client, settings, index, finder):
    use_finder(settings, finder)
    video = VideoPageFactory(parent=index, title="Звіт", video_url="https://vimeo.com/76979871")
    response = client.get(video.url)
    assert response.status_code == 200
    fallback = BeautifulSoup(response.content.decode(), "html.parser").select_one(".video-fallback a")
    assert fallback["href"] == "https://vimeo.com/76979871"
    assert "Дивитися відео: Звіт" in fallback.text
