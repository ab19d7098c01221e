"""RSS 2.0 and Atom feeds of a news index, served by its routes ``rss/`` and ``atom/``.

The index hands the feed its live news, so this module imports no page model.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

FEED_LENGTH = 30


class NewsRssFeed(Feed):
    """The latest news of one news index."""

    feed_type = Rss201rev2Feed

    def __init__(self, index, news):
        super().__init__()
        self.index, self.news = index, news

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return self.index.title

    def link(self):
        return self.index.get_url(self.request)

    def description(self):
        return self.index.intro or self.index.title

    def feed_url(self):
        return self.request.build_absolute_uri()

    def items(self):
        # A feed is read by aggregators and mail bots, never by someone logged in: ``news`` holds no
        # news item behind a login, a group or a password (its title and lead would go to everyone).
        return self.news.order_by("-date", "-pk")[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(9, 0)))

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_categories(self, item):
        return [item.get_kind_display()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description
