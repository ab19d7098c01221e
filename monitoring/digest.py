"""The daily digest: the articles fetched on a day (Kyiv time) and what they mention, for admin and e-mail."""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import NamedTuple

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from cms.dates import KYIV
from registry.models import Organization

from .models import Article, WatchEntry


class Counted(NamedTuple):
    """What the most mentioned are counted by: a watch-list entry, or the registry organisation that
    entries are linked to (watched under its short name and its faction, it is still one)."""

    phrase: str
    organisation: Organization | None = None


def counted_key(entry: WatchEntry) -> tuple[str, int]:
    """The key an entry's mentions are counted under: its registry organisation's, if it has one."""
    return ("organisation", entry.organisation_id) if entry.organisation_id else ("entry", entry.pk)


def joined(phrases) -> str:
    """The phrases one row stands for, as its name: «Ніжинські ініціативи / фракція «…»»."""
    return " / ".join(sorted(set(phrases)))


@dataclass
class Digest:
    day: datetime.date
    mentioned: list[Article]
    others: list[Article]
    #: The most mentioned, with their numbers of articles: watch-list entries, and registry
    #: organisations (one whatever the entries it is watched under, each article counted once).
    entries: list[tuple[Counted, int]]

    @property
    def total(self) -> int:
        return len(self.mentioned) + len(self.others)


def kyiv_today() -> datetime.date:
    return datetime.datetime.now(KYIV).date()


def build_digest(*, day: datetime.date) -> Digest:
    """The day's new articles (near-duplicates left out): those with mentions first, and the most
    mentioned watch-list entries."""
    start = datetime.datetime.combine(day, datetime.time(), tzinfo=KYIV)
    articles = (
        Article.objects.filter(fetched_at__gte=start, fetched_at__lt=start + datetime.timedelta(days=1))
        .filter(duplicate_of__isnull=True)
        .select_related("source")
        .prefetch_related("mentions__entry__organisation")
        .order_by("source__name", "-published", "pk")
    )
    mentioned, others, counts = [], [], Counter()
    phrases, organisations = defaultdict(set), {}
    for article in articles:
        mentions = list(article.mentions.all())
        (mentioned if mentions else others).append(article)
        keys = set()  # an organisation matched under two of its phrases counts once for the article
        for mention in mentions:
            key = counted_key(mention.entry)
            keys.add(key)
            phrases[key].add(mention.entry.phrase)
            organisations[key] = mention.entry.organisation
        counts.update(keys)
    entries = sorted(
        ((Counted(joined(phrases[key]), organisations[key]), n) for key, n in counts.items()),
        key=lambda pair: (-pair[1], pair[0].phrase),
    )
    return Digest(day, mentioned, others, entries)


def send_digest(*, day: datetime.date, recipients=None) -> int:
    """E-mail the day's digest to ``recipients`` (default ``MONITORING_DIGEST_EMAILS``); the number sent.

    Nothing is sent when there is nobody to send to or the day brought no article."""
    recipients = list(recipients if recipients is not None else settings.MONITORING_DIGEST_EMAILS)
    digest = build_digest(day=day)
    if not recipients or not digest.total:
        return 0
    subject = _("Media monitoring digest for %(day)s") % {"day": day.strftime("%d.%m.%Y")}
    body = render_to_string("monitoring/digest_email.txt", {"digest": digest})
    return send_mail(subject, body, None, recipients)
