"""Embed finders for the tests: providers that fail the way real ones do when offline or broken."""

from wagtail.embeds.exceptions import EmbedNotFoundException
from wagtail.embeds.finders.base import EmbedFinder


class UnreachableProviderFinder(EmbedFinder):
    """Accepts every URL and fails like an oEmbed provider that cannot be reached."""

    calls = []

    def __init__(self, **options):
        pass

    def accept(self, url):
        return True

    def find_embed(self, url, max_width=None, max_height=None):
        self.calls.append(url)
        raise ConnectionError(f"provider unreachable for {url}")


class NotFoundProviderFinder(UnreachableProviderFinder):
    def find_embed(self, url, max_width=None, max_height=None):
        self.calls.append(url)
        raise EmbedNotFoundException


class WorkingProviderFinder(UnreachableProviderFinder):
    def find_embed(self, url, max_width=None, max_height=None):
        self.calls.append(url)
        return {
            "title": "Кліп",
            "type": "video",
            "html": '<iframe src="https://player.example/1" title="Кліп"></iframe>',
            "width": 640,
            "height": 360,
        }
