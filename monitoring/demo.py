"""Demo content: three media sources and a month of their articles, matched against a small watch list.

Run by ``manage.py load_demo`` through the ``radasite_load_demo`` hook (``pages.demo.loader``), after
the council's and the registry's demo, whose deputies and organisations join the watch list; safe to
run again. The demo sources are disabled: their addresses are examples, never fetched. Last month's
note gets sample paragraphs.
"""

import datetime

from django.utils import timezone

from .fingerprint import simhash
from .matching import WatchList, record_mentions
from .models import Article, MonthlyNoteText, Source, SourceKind, Tone, WatchEntry, WatchKind
from .watchlist import watch_deputies, watch_registry_organisations

DEMO_HOOK = "radasite_load_demo"
DEMO_DAYS = 30
#: After the other apps' demo content: the council's deputies must exist to be watched.
DEMO_ORDER = 10

SOURCES = [
    ("Ніжинський вісник (демо)", "demo-visnyk", SourceKind.FEED, "https://visnyk.example.org/rss.xml", ""),
    ("Обласні новини (демо)", "demo-oblast", SourceKind.FEED, "https://oblast.example.org/feed/", ""),
    (
        "Сайт громади без стрічки (демо)",
        "demo-site",
        SourceKind.PAGE,
        "https://site.example.org/news/",
        ".news a",
    ),
]
ENTRIES = [
    (WatchKind.MAYOR, "міський голова"),
    (WatchKind.BODY, "виконавчий комітет"),
    (WatchKind.BODY, "сесія міської ради"),
    (WatchKind.TOPIC, "тарифи"),
    (WatchKind.TOPIC, "ремонт доріг"),
]
STORIES = [
    (
        "Звернення до міського голови",
        "Мешканці вулиці Шевченка надіслали звернення міському голові щодо ремонту доріг.",
        Tone.NEUTRAL,
    ),
    (
        "Нові тарифи на воду",
        "Виконавчий комітет розглянув нові тарифи на водопостачання; мешканці незадоволені.",
        Tone.NEGATIVE,
    ),
    (
        "Сесія міської ради",
        "На сесії міської ради депутати ухвалили програму розвитку культури.",
        Tone.POSITIVE,
    ),
    (
        "Ярмарок у центрі",
        "У неділю на площі відбудеться ярмарок місцевих виробників меду й сиру.",
        Tone.UNKNOWN,
    ),
]


NOTE_TEXT = {
    "situation": "Суспільно-політична ситуація в місті стабільна. Масових протестних акцій не було.",
    "civil_society": "Громадські об'єднання долучилися до обговорення програми розвитку культури.",
    "media": "Найбільше уваги місцеві ЗМІ приділили тарифам і ремонту доріг.",
    "conclusions": "Продовжити роз'яснення тарифної політики на сайті та в соціальних мережах.",
}


def deputy_story():
    """A story about the first watched deputy, when the council's demo has added any."""
    entry = WatchEntry.objects.filter(kind=WatchKind.DEPUTY, enabled=True).order_by("pk").first()
    if entry is None:
        return None
    surname, first_name = entry.phrase.split()[:2]
    return (
        "Прийом громадян",
        f"Депутат міської ради {surname} {first_name} провів прийом мешканців щодо ремонту доріг.",
        Tone.POSITIVE,
    )


def add_demo_media(*, home, user, report):
    """Three disabled sources, the watch list (five entries and the deputies), two articles a day for
    the last month, and the paragraphs of last month's note."""
    sources = [
        Source.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "kind": kind, "url": url, "link_selector": selector, "enabled": False},
        )[0]
        for name, slug, kind, url, selector in SOURCES
    ]
    for kind, phrase in ENTRIES:
        WatchEntry.objects.get_or_create(kind=kind, phrase=phrase)
    watch_deputies()
    watch_registry_organisations()
    stories = STORIES + [story] if (story := deputy_story()) else STORIES
    watch_list = WatchList.load()
    now = timezone.now()
    for day in range(DEMO_DAYS):
        for slot in range(2):
            n = day * 2 + slot
            source = sources[n % len(sources)]
            title, text, tone = stories[n % len(stories)]
            when = now - datetime.timedelta(days=day, hours=3 + slot * 5)
            text = f"{text} Випуск {n + 1}: подробиці в наступних матеріалах."
            article, created = Article.objects.get_or_create(
                url=f"{source.url.rsplit('/', 1)[0]}/articles/{n + 1}",
                defaults={
                    "source": source,
                    "title": title,
                    "published": when,
                    "text": text,
                    "fingerprint": simhash(text),
                    "tone": tone if day > 2 else "",
                    "relevant": (tone != Tone.UNKNOWN) if day > 2 else None,
                },
            )
            if created:
                Article.objects.filter(pk=article.pk).update(fetched_at=when)
                record_mentions(article=article, watch_list=watch_list)
                report.created["публікацій у моніторингу"] += 1
    last_month = (timezone.localdate().replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    MonthlyNoteText.objects.get_or_create(month=last_month, defaults=NOTE_TEXT)
