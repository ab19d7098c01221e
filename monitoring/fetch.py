"""Reading the sources: feeds and pages of links become stored articles, matched against the watch list.

Every failure is recorded on its source (status, error, time) and the run goes on with the next
source; an article that cannot be fetched is skipped and named in the source's error.
"""

import calendar
import datetime
import email.utils
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import feedparser
import trafilatura
from bs4 import BeautifulSoup
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from .client import FetchError, PoliteClient, fetch_error, xml_bytes
from .fingerprint import is_near_duplicate, simhash
from .lease import Lease, lost_message
from .matching import WatchList, record_mentions
from .models import Article, FetchStatus, Mention, Source, SourceKind
from .urls_canonical import canonical_url

#: Article pages read per source in one scheduled run: at two seconds a request to one host, a
#: feed of 5,000 new items would hold the run for hours, far past the next run's start.
MAX_NEW_PER_SOURCE = 100
#: Articles of the last this many days are compared for near-duplicates.
DUPLICATE_WINDOW = datetime.timedelta(days=14)
_FORMAT_PATTERNS = {"%d": r"\d{1,2}", "%m": r"\d{1,2}", "%Y": r"\d{4}", "%y": r"\d{2}", "%H": r"\d{1,2}"}
_FORMAT_PATTERNS.update({"%M": r"\d{2}", "%S": r"\d{2}"})
#: Zone names of Ukrainian and neighbouring feeds that feedparser does not know (it takes them for UTC).
_ZONE_NAMES = {"EET": "+0200", "EEST": "+0300", "MSK": "+0300", "CET": "+0100", "CEST": "+0200"}
_ZONE_AT_END = re.compile(r"\s(" + "|".join(_ZONE_NAMES) + r")\s*$", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


@dataclass
class Item:
    """An article as announced by a feed or a page of links, before its own page is read."""

    url: str
    title: str = ""
    published: datetime.datetime | None = None
    summary: str = ""


@dataclass
class NewArticle:
    article: Article
    mentions: list[Mention]


@dataclass
class Failure:
    """An article address that could not be read in a run, why, and the sources that announced it."""

    url: str
    message: str
    sources: list[str] = field(default_factory=list)

    def report(self) -> str:
        """One line in Ukrainian: the failure (which names the address) and the sources, once."""
        with translation.override("uk"):
            return str(_("%(error)s (sources: %(sources)s)")) % {
                "error": self.message,
                "sources": ", ".join(self.sources),
            }


class FetchRun:
    """One run over the sources: each article address is requested at most once in it.

    A feed may list the same link twice (perhaps with tracking parameters), and a story may be
    announced by several feeds of the run; a page that was read is stored (and found stored the
    next time), but one that failed is not, so without this memory it would be requested again,
    retries and time-outs included, and its failure told again. Failures are kept by canonical
    address with the sources that announced them (``report``).

    A scheduled run holds the fetch ``lease`` (``monitoring.lease``): ``keep_going`` renews it before
    each source and each article, and stops the run if another has taken it over."""

    def __init__(self, *, max_new: int | None = None, lease: Lease | None = None):
        #: At most this many article pages are read per source in the run (None: no limit).
        self.max_new = max_new
        self.lease = lease
        self.requested: set[str] = set()
        self.failures: dict[str, Failure] = {}
        #: The sources whose new articles were more than ``max_new``: slug → (read, left for later).
        self.postponed: dict[str, tuple[int, int]] = {}

    def failure_for(self, url: str, source: Source) -> Failure | None:
        """The failure of ``url`` earlier in the run, now also announced by ``source``."""
        failure = self.failures.get(url)
        if failure is not None and source.slug not in failure.sources:
            failure.sources.append(source.slug)
        return failure

    def failed(self, url: str, source: Source, error: Exception) -> Failure:
        failure = self.failures.setdefault(url, Failure(url, describe(error)))
        if source.slug not in failure.sources:
            failure.sources.append(source.slug)
        return failure

    def keep_going(self) -> bool:
        """Whether the run may go on: it has no lease, or it still holds it (renewed on the way)."""
        return self.lease is None or self.lease.renew()

    def report(self) -> list[str]:
        """Each article that could not be read, once, with every source that announced it; then
        each source whose new articles are left partly for the next runs; then whether the run
        stopped because another took its lease over."""
        lines = [failure.report() for failure in self.failures.values()]
        lines += [f"{slug}: {postponed_message(*counts)}" for slug, counts in self.postponed.items()]
        if self.lease is not None and self.lease.lost:
            lines.append(lost_message())
        return lines


def postponed_message(read: int, left: int) -> str:
    with translation.override("uk"):
        return str(_("%(read)s new articles read; the other %(left)s at the next runs")) % {
            "read": read,
            "left": left,
        }


def unread_count(items: list[Item], run: FetchRun) -> int:
    """How many of ``items`` are neither stored nor requested in the run (two queries per 500)."""
    urls = {canonical_url(item.url) for item in items} - run.requested
    known, ordered = set(), sorted(urls)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start : start + 500]
        known.update(Article.objects.filter(url__in=chunk).values_list("url", flat=True))
        known.update(Article.objects.filter(announced_url__in=chunk).values_list("announced_url", flat=True))
    return len(urls - known)


def describe(error: Exception) -> str:
    """A failure as the source's last error shows it, in Ukrainian."""
    if isinstance(error, FetchError):
        return str(error)
    return str(
        fetch_error(_("Unexpected error (%(name)s): %(error)s"), name=type(error).__name__, error=error)
    )


def plain_text(value: str, *, html: bool = True) -> str:
    """A feed's title or summary as plain text: tags dropped and entities read (when it is HTML, as
    in a CDATA title with markup), spaces (``&nbsp;`` too) collapsed."""
    text = BeautifulSoup(value or "", "html.parser").get_text(" ") if html else value or ""
    return _SPACES.sub(" ", text).strip()


def entry_published(entry) -> datetime.datetime | None:
    """A feed entry's date, in UTC; RFC 822 dates with «EET»/«EEST» read in their real offset."""
    raw = entry.get("published") or entry.get("updated") or ""
    zone = _ZONE_AT_END.search(raw)
    if zone:
        try:
            value = email.utils.parsedate_to_datetime(
                raw[: zone.start()] + " " + _ZONE_NAMES[zone.group(1).upper()]
            )
        except (TypeError, ValueError):
            value = None
        if value is not None and value.tzinfo is not None:
            return value.astimezone(datetime.UTC)
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return datetime.datetime.fromtimestamp(calendar.timegm(stamp), tz=datetime.UTC) if stamp else None


def date_in(text: str, date_format: str) -> datetime.datetime | None:
    """The first date written in ``text`` the way ``date_format`` (strptime codes) says, or None."""
    pattern = re.escape(date_format)
    for code, regex in _FORMAT_PATTERNS.items():
        pattern = pattern.replace(re.escape(code), regex)
    for match in re.finditer(pattern, text):
        try:
            value = datetime.datetime.strptime(match.group(0), date_format)
        except ValueError:
            continue
        return timezone.make_aware(value)
    return None


def feed_items(page) -> list[Item]:
    parsed = feedparser.parse(xml_bytes(page.content, page.headers.get("content-type", "")))
    if not parsed.version and not parsed.entries:
        raise fetch_error(_("This is not an RSS or Atom feed: %(url)s"), url=page.url)
    items = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        summary = plain_text(entry.get("summary", ""))
        detail = entry.get("title_detail") or {}
        title = plain_text(entry.get("title", ""), html=detail.get("type") == "text/html")
        items.append(Item(urljoin(page.url, link), title, entry_published(entry), summary))
    return items


def page_items(page, *, selector: str, date_format: str) -> list[Item]:
    """The article links of a page without a feed, with a date found beside each link."""
    if not selector:
        raise fetch_error(_("A page source needs the CSS selector of its article links."))
    soup = BeautifulSoup(page.text, "html.parser")
    items, seen = [], set()
    for link in soup.select(selector):
        href = link.get("href")
        if not href:
            continue
        url = urljoin(page.url, href)
        if url in seen:
            continue
        seen.add(url)
        context = link.parent.get_text(" ", strip=True) if link.parent else ""
        published = date_in(context, date_format) if date_format else None
        items.append(Item(url, link.get_text(" ", strip=True), published))
    return items


def extract(html: str, url: str) -> tuple[str, str, datetime.datetime | None]:
    """The title, the cleaned main text and the date of an article page (trafilatura)."""
    document = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    if document is None:
        return "", "", None
    published = None
    if document.date:
        try:
            published = timezone.make_aware(datetime.datetime.fromisoformat(document.date))
        except ValueError:
            published = None
    return document.title or "", document.text or "", published


def find_duplicate(fingerprint: int, *, exclude_source: Source) -> Article | None:
    """An earlier article of another source with (almost) the same text."""
    since = timezone.now() - DUPLICATE_WINDOW
    recent = (
        Article.objects.filter(fetched_at__gte=since, duplicate_of__isnull=True)
        .exclude(Q(fingerprint=0) | Q(source=exclude_source))
        .values_list("pk", "fingerprint")
    )
    for pk, other in recent.iterator():
        if is_near_duplicate(fingerprint, other):
            return Article.objects.get(pk=pk)
    return None


def store_article(
    *, source: Source, item: Item, client: PoliteClient, watch_list: WatchList, run: FetchRun | None = None
):
    """Read an announced article's page and store it, unless its canonical address is known or was
    already requested in the ``run`` (a failure of that request is raised again, not requested again)."""
    url = canonical_url(item.url)
    if run is not None:
        failure = run.failure_for(url, source)
        if failure is not None:
            raise FetchError(failure.message)
        if url in run.requested:
            return None
    if Article.objects.filter(Q(url=url) | Q(announced_url=url)).exists():
        return None
    if run is not None:
        run.requested.add(url)
    try:
        page = client.get(item.url)
    except Exception as error:
        if run is not None:
            run.failed(url, source, error)
        raise
    final_url = canonical_url(page.url)
    if final_url != url:
        # Redirected (http to https, ?p=ID to the permalink…): the announced address is remembered
        # on the article, so the next run does not read the page again.
        known = Article.objects.filter(url=final_url)
        if known.exists():
            known.filter(announced_url="").update(announced_url=url)
            return None
    title, text, published = extract(page.text, page.url)
    text = text or item.summary
    fingerprint = simhash(text)
    try:
        with transaction.atomic():
            article = Article.objects.create(
                source=source,
                url=final_url,
                announced_url=url if final_url != url else "",
                title=(item.title or title or final_url)[:500],
                published=item.published or published,
                text=text,
                fingerprint=fingerprint,
                duplicate_of=find_duplicate(fingerprint, exclude_source=source),
            )
    except IntegrityError:  # stored meanwhile by a concurrent run
        return None
    return NewArticle(article, record_mentions(article=article, watch_list=watch_list))


def fetch_source(
    *, source: Source, client: PoliteClient, watch_list: WatchList, run: FetchRun | None = None
) -> list[NewArticle]:
    """Fetch one source; its status, error and validators are saved whatever happens.

    ``run`` is shared by the sources of one run (a new one serves this source alone): an article
    address is requested once in it, and its failure named once in the source's error. When the
    source has more new articles than the run's ``max_new`` (a feed of thousands, a first fetch),
    the first are read and the rest left to the next runs, which read the source again whatever its
    ETag (its validators are not kept): one run stays within the check interval."""
    run = run if run is not None else FetchRun()
    new, failures, read = [], [], 0
    source.last_fetch_at = timezone.now()
    try:
        page = client.get(source.url, etag=source.etag, last_modified=source.last_modified)
        if page.not_modified:
            source.last_status, source.last_error = FetchStatus.NOT_MODIFIED, ""
            return new
        if source.kind == SourceKind.FEED:
            items = feed_items(page)
        else:
            items = page_items(page, selector=source.link_selector, date_format=source.date_format)
        left = 0
        for index, item in enumerate(items):
            if (run.max_new is not None and read >= run.max_new) or not run.keep_going():
                left = unread_count(items[index:], run)
                break
            requested = len(run.requested)
            try:
                stored = store_article(
                    source=source, item=item, client=client, watch_list=watch_list, run=run
                )
            except Exception as error:  # one unreadable article must not stop the source
                message = describe(error)
                if message not in failures:  # the same link listed twice is one failure
                    failures.append(message)
                stored = None
            read += len(run.requested) > requested
            if stored:
                new.append(stored)
        if left:
            run.postponed[source.slug] = (read, left)
            failures.insert(0, postponed_message(read, left))
            source.etag, source.last_modified = "", ""  # the next run must read the whole list again
        else:
            source.etag, source.last_modified = page.etag[:300], page.last_modified[:100]
        source.last_status, source.last_error = FetchStatus.OK, "\n".join(failures)
    except Exception as error:  # recorded on the source; the run goes on with the next one
        source.last_status, source.last_error = FetchStatus.ERROR, describe(error)
    finally:
        source.save(update_fields=["last_fetch_at", "last_status", "last_error", "etag", "last_modified"])
    return new


def due_sources(now=None):
    """Enabled sources whose check interval has passed since their last fetch."""
    now = now or timezone.now()
    return [
        source
        for source in Source.objects.filter(enabled=True)
        if source.last_fetch_at is None or source.last_fetch_at + source.check_interval <= now
    ]


def source_for_feed(url: str) -> Source:
    """The source of a feed address, added (named after its host) when it is new."""
    url = canonical_url(url)
    source = Source.objects.filter(url=url).first()
    if source:
        return source
    host = urlsplit(url).hostname or "feed"
    base = slugify(host.replace(".", "-"))[:90] or "feed"
    slug, n = base, 1
    while Source.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return Source.objects.create(name=host, slug=slug, kind=SourceKind.FEED, url=url)
