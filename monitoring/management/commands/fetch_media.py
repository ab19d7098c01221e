"""Fetch the media sources that are due (or one, or a feed given by its address) and report new articles."""

from django.core.management.base import BaseCommand, CommandError

from monitoring.client import PoliteClient
from monitoring.fetch import due_sources, fetch_source, source_for_feed
from monitoring.matching import WatchList
from monitoring.models import FetchStatus, Source


class Command(BaseCommand):
    help = (
        "Fetch media sources whose check interval has passed, store new articles and match them against "
        "the watch list; prints one line per new article: source, title, address, matched entries."
    )

    def add_arguments(self, parser):
        parser.add_argument("--source", metavar="SLUG", help="fetch only this source, due or not")
        parser.add_argument("--feed", metavar="URL", help="add a source for this feed if new, then fetch it")
        parser.add_argument("--timeout", type=float, default=15.0, help="seconds per request (15)")
        parser.add_argument("--delay", type=float, default=2.0, help="seconds between requests to a host (2)")

    def handle(self, *args, source=None, feed=None, timeout, delay, **options):
        if source and feed:
            raise CommandError("Give --source or --feed, not both.")
        if source:
            sources = list(Source.objects.filter(slug=source))
            if not sources:
                raise CommandError(f"No source with the slug «{source}»; see the admin's list of sources.")
        elif feed:
            sources = [source_for_feed(feed)]
        else:
            sources = due_sources()
        watch_list = WatchList.load()
        with PoliteClient(timeout=timeout, host_delay=delay) as client:
            for each in sources:
                for new in fetch_source(source=each, client=client, watch_list=watch_list):
                    phrases = ", ".join(
                        f"{m.entry.get_kind_display()}: {m.entry.phrase}" for m in new.mentions
                    )
                    self.stdout.write(
                        f"{each.slug}\t{new.article.title}\t{new.article.url}\t{phrases or '-'}"
                    )
                if each.last_status == FetchStatus.ERROR:
                    self.stderr.write(f"{each.slug}: {each.last_error}")


def line(source, new) -> str:
    """One new article: source, title, address and the watch-list entries it matched (or «-»)."""
    entries = ", ".join(f"{m.entry.get_kind_display()}: {m.entry.phrase}" for m in new.mentions)
    return f"{source.slug}\t{new.article.title}\t{new.article.url}\t{entries or '-'}"
