"""Fetch the media sources that are due (or one, or a feed given by its address) and report new articles."""

import contextlib
import signal
import threading

from django.core.management.base import BaseCommand, CommandError

from monitoring.client import PoliteClient
from monitoring.fetch import MAX_NEW_PER_SOURCE, FetchRun, due_sources, fetch_source, source_for_feed
from monitoring.lease import Busy, fetch_lease
from monitoring.matching import WatchList
from monitoring.models import FetchStatus, Source


@contextlib.contextmanager
def stopped_by_sigterm():
    """A SIGTERM (``systemctl stop``, ``timeout``, a shutdown) ends the run as an exception would, so that
    the lease is given back on the way out, not left to expire; the exit code is the usual 128 + 15."""
    if threading.current_thread() is not threading.main_thread():  # only the main thread takes signals
        yield
        return

    def stop(signum, frame):
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


class Command(BaseCommand):
    help = (
        "Fetch media sources whose check interval has passed, store new articles and match them against "
        "the watch list; prints one line per new article: source, title, address, matched entries; "
        "on stderr, each source that failed and each article that could not be read (once, with the "
        "sources that announced it). One run at a time: while another is going, it says so on stderr "
        "and exits at once (code 0)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--source", metavar="SLUG", help="fetch only this source, due or not")
        parser.add_argument("--feed", metavar="URL", help="add a source for this feed if new, then fetch it")
        parser.add_argument("--timeout", type=float, default=15.0, help="seconds per request (15)")
        parser.add_argument("--delay", type=float, default=2.0, help="seconds between requests to a host (2)")
        parser.add_argument(
            "--max-articles",
            type=int,
            default=MAX_NEW_PER_SOURCE,
            metavar="N",
            help=f"article pages read per source in one run, the rest at the next runs "
            f"({MAX_NEW_PER_SOURCE}; 0: no limit)",
        )

    def handle(self, *args, source=None, feed=None, timeout, delay, max_articles, **options):
        if source and feed:
            raise CommandError("Give --source or --feed, not both.")
        if max_articles < 0:
            raise CommandError("--max-articles must be 0 (no limit) or more.")
        with PoliteClient(timeout=timeout, host_delay=delay) as client, stopped_by_sigterm():
            try:
                with fetch_lease(client) as lease:
                    self.fetch(client, FetchRun(max_new=max_articles or None, lease=lease), source, feed)
            except Busy as busy:
                # Not a failure: the run going on does this one's work (a non-zero code would mark a
                # timer's unit failed and mail cron's owner at every overlap).
                self.stderr.write(str(busy))

    def fetch(self, client, run, source, feed):
        if source:
            sources = list(Source.objects.filter(slug=source))
            if not sources:
                raise CommandError(f"No source with the slug «{source}»; see the admin's list of sources.")
        elif feed:
            sources = [source_for_feed(feed)]
        else:
            sources = due_sources()
        watch_list = WatchList.load()
        for each in sources:
            if not run.keep_going():
                break
            for new in fetch_source(source=each, client=client, watch_list=watch_list, run=run):
                self.stdout.write(line(each, new))
            if each.last_status == FetchStatus.ERROR:
                self.stderr.write(f"{each.slug}: {each.last_error}")
        for failure in run.report():
            self.stderr.write(failure)


def line(source, new) -> str:
    """One new article: source, title, address and the watch-list entries it matched (or «-»)."""
    entries = ", ".join(f"{m.entry.get_kind_display()}: {m.entry.phrase}" for m in new.mentions)
    return f"{source.slug}\t{new.article.title}\t{new.article.url}\t{entries or '-'}"
