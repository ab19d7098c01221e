"""The monthly note to the regional administration on the city's socio-political situation, as data.

«Інформаційна довідка щодо суспільно-політичної ситуації в м. Ніжині» gathers, for one month: the
department's monthly report (``reports.monthly.build_report``: publications and the count of
interactions), the interactions with NGOs and parties themselves (``registry``), the media articles of
the month by tone and by topic, the deputies, bodies and organisations most mentioned, the notable
articles quoted, and the editors' narrative paragraphs (``MonthlyNoteText``). DOCX and HTML are made
from this one object (``note_render``), so they cannot disagree.

An article belongs to the month of its publication date in Kyiv (of its fetching when the source gave
no date); near-duplicates and articles a reviewer marked not relevant are left out.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db.models import Case, Count, IntegerField, Q, When
from django.db.models.functions import Coalesce
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _

from registry.models import Interaction, Organization
from reports.monthly import MonthlyReport, build_report, month_bounds

from .digest import KYIV, joined
from .models import Article, Mention, MonthlyNoteText, Tone, WatchKind

#: How many articles the note quotes, and how many names it lists as the most mentioned.
NOTABLE = 10
MOST_MENTIONED = 15
#: The kinds of watch-list entries counted among «who was mentioned» (topics have their own table).
PEOPLE_AND_BODIES = [WatchKind.DEPUTY, WatchKind.MAYOR, WatchKind.BODY, WatchKind.ORGANISATION]
NARRATIVE_FIELDS = ("situation", "civil_society", "media", "conclusions")
TONES = [Tone.POSITIVE, Tone.NEUTRAL, Tone.NEGATIVE, Tone.UNKNOWN]


@dataclass
class TopicRow:
    """A topic and the number of the month's articles mentioning it, in all and per tone."""

    phrase: str
    by_tone: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.by_tone.values())

    def counts(self) -> list[int]:
        """The counts in the order of ``TONES``."""
        return [self.by_tone.get(tone, 0) for tone in TONES]


class MentionedRow(NamedTuple):
    """One of the most mentioned: the entry's kind label and phrase, the number of articles; or for a
    registry organisation (one row whatever the entries it is watched under), the phrases found and
    the organisation (pk, kind, name and EDRPOU code only)."""

    kind: str
    name: str
    articles: int
    organisation: Organization | None = None


@dataclass
class Quote:
    """A notable article as the note quotes it."""

    title: str
    source: str
    date: datetime.date
    url: str
    tone: str
    snippets: list[str]
    note: str


@dataclass
class MonthlyNote:
    month: datetime.date
    report: MonthlyReport
    text: MonthlyNoteText | None
    interactions: list[Interaction]
    articles_total: int
    tones: list[tuple[str, int]]
    topics: list[TopicRow]
    most_mentioned: list[MentionedRow]
    notable: list[Quote]

    def title(self) -> str:
        return _("Information note on the socio-political situation in Nizhyn")

    def period(self) -> str:
        month_name = str(MONTHS[self.month.month]).lower()
        return _("for %(month)s %(year)d") % {"month": month_name, "year": self.month.year}

    def tone_labels(self) -> list[str]:
        return [str(Tone(tone).label) for tone in TONES]

    def narrative(self, name: str) -> list[str]:
        """The paragraphs of one narrative field (``situation``, ``civil_society``, ``media``,
        ``conclusions``); none when the editors wrote nothing for the month."""
        return MonthlyNoteText.paragraphs(getattr(self.text, name)) if self.text else []

    def narratives(self) -> dict[str, list[str]]:
        """Every narrative field's paragraphs, by field name (for templates)."""
        return {name: self.narrative(name) for name in NARRATIVE_FIELDS}


def month_articles(month: datetime.date):
    """The month's articles (Kyiv dates) the note speaks of: no near-duplicates, none marked irrelevant."""
    first, last = month_bounds(month)
    start = datetime.datetime.combine(first, datetime.time(), tzinfo=KYIV)
    end = datetime.datetime.combine(last + datetime.timedelta(days=1), datetime.time(), tzinfo=KYIV)
    return (
        Article.objects.annotate(when=Coalesce("published", "fetched_at"))
        .filter(when__gte=start, when__lt=end, duplicate_of__isnull=True)
        .exclude(relevant=False)
    )


def topic_rows(articles) -> list[TopicRow]:
    """Topics by the number of articles mentioning them, split by the articles' tone."""
    rows: dict[str, TopicRow] = {}
    counts = (
        Mention.objects.filter(article__in=articles.values("pk"), entry__kind=WatchKind.TOPIC)
        .values_list("entry__phrase", "article__tone")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for phrase, tone, n in counts:
        rows.setdefault(phrase, TopicRow(phrase)).by_tone[tone] = n
    return sorted(rows.values(), key=lambda row: (-row.total, row.phrase))


def most_mentioned(articles) -> list[MentionedRow]:
    """The deputies, the mayor, bodies and organisations by the number of articles, most first.

    A registry organisation is one row whatever the entries it is watched under (its short name, its
    faction…): each article is counted once however many of its phrases it matches, and the row is
    named by the phrases found (``digest.joined``). Entries without an organisation are a row each."""
    mentions = Mention.objects.filter(
        article__in=articles.values("pk"), entry__kind__in=PEOPLE_AND_BODIES
    ).order_by()
    per_article = Count("article", distinct=True)
    rows = [
        MentionedRow(str(WatchKind(kind).label), phrase, n)
        for kind, phrase, n in mentions.filter(entry__organisation__isnull=True)
        .values_list("entry__kind", "entry__phrase")
        .annotate(n=per_article)
    ]
    linked = mentions.filter(entry__organisation__isnull=False)
    phrases = defaultdict(set)
    for pk, phrase in linked.values_list("entry__organisation", "entry__phrase").distinct():
        phrases[pk].add(phrase)
    registry = ("entry__organisation__kind", "entry__organisation__name", "entry__organisation__edrpou")
    for pk, org_kind, name, edrpou, n in linked.values_list("entry__organisation", *registry).annotate(
        n=per_article
    ):
        organisation = Organization(pk=pk, kind=org_kind, name=name, edrpou=edrpou)
        rows.append(MentionedRow(str(WatchKind.ORGANISATION.label), joined(phrases[pk]), n, organisation))
    return sorted(rows, key=lambda row: (-row.articles, row.name))[:MOST_MENTIONED]


def notable_quotes(articles) -> list[Quote]:
    """The articles worth quoting: marked relevant first, then those with a tone other than neutral,
    then the most matched; an article with none of these is not notable."""
    chosen = (
        articles.annotate(
            matched=Count("mentions"),
            marked=Case(When(relevant=True, then=1), default=0, output_field=IntegerField()),
            toned=Case(
                When(tone__in=[Tone.POSITIVE, Tone.NEGATIVE], then=1), default=0, output_field=IntegerField()
            ),
        )
        .filter(Q(marked=1) | Q(toned=1) | Q(matched__gt=0))
        .select_related("source")
        .prefetch_related("mentions")
        .order_by("-marked", "-toned", "-matched", "-when", "pk")[:NOTABLE]
    )
    return [
        Quote(
            title=article.title,
            source=article.source.name,
            date=article.when.astimezone(KYIV).date(),
            url=article.url,
            tone=str(Tone(article.tone).label),
            snippets=[mention.snippet for mention in article.mentions.all()][:2],
            note=article.note,
        )
        for article in chosen
    ]


def build_note(*, month: datetime.date) -> MonthlyNote:
    """Gather the note of ``month`` (any day of it): a fixed number of queries whatever its size."""
    first, last = month_bounds(month)
    articles = month_articles(first)
    tone_counts = dict(articles.values_list("tone").annotate(n=Count("pk")).order_by())
    return MonthlyNote(
        month=first,
        report=build_report(month=first),
        text=MonthlyNoteText.objects.filter(month=first).first(),
        interactions=list(
            Interaction.objects.filter(date__gte=first, date__lte=last)
            .prefetch_related("organizations")
            .order_by("date", "pk")
        ),
        articles_total=sum(tone_counts.values()),
        tones=[(str(Tone(tone).label), tone_counts.get(tone, 0)) for tone in TONES],
        topics=topic_rows(articles),
        most_mentioned=most_mentioned(articles),
        notable=notable_quotes(articles),
    )
