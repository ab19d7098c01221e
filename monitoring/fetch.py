"""Reading the sources: feeds and pages of links become stored articles, matched against the watch list.

Every failure is recorded on its source (status, error, time) and the run goes on with the next
source; an article that cannot be fetched is skipped and named in the source's error.
"""

import calendar
import datetime
import email.utils
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import feedparser
import trafilatura
from bs4 import BeautifulSoup
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from .client import FetchError, PoliteClient, fetch_error
from .fingerprint import is_near_duplicate, simhash
from .matching import WatchList, record_mentions
from .models import Article, FetchStatus, Mention, Source, SourceKind
from .urls_canonical import canonical_url

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
    parsed = feedparser.parse(page.content)
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


def store_article(*, source: Source, item: Item, client: PoliteClient, watch_list: WatchList):
    """Read an announced article's page and store it, unless its canonical address is known."""
    url = canonical_url(item.url)
    if Article.objects.filter(Q(url=url) | Q(announced_url=url)).exists():
        return None
    page = client.get(item.url)
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


def fetch_source(*, source: Source, client: PoliteClient, watch_list: WatchList) -> list[NewArticle]:
    """Fetch one source; its status, error and validators are saved whatever happens."""
    new, failures = [], []
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
        for item in items:
            try:
                stored = store_article(source=source, item=item, client=client, watch_list=watch_list)
            except Exception as error:  # one unreadable article must not stop the source
                failures.append(describe(error))
                continue
            if stored:
                new.append(stored)
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
