"""The «Моніторинг ЗМІ» admin: the menu group, the article list's filters and the reviewer's form."""

import datetime
import json

import pytest

from monitoring.models import Article, Mention, Source, SourceKind, Tone, WatchEntry, WatchKind

ARTICLES = "/admin/monitoring/articles/"


def day(n):
    return datetime.datetime(2026, 12, n, 10, tzinfo=datetime.UTC)


@pytest.fixture
def stored(db):
    visnyk = Source.objects.create(name="Ніжинський вісник", slug="visnyk", url="http://127.0.0.1/rss")
    oblast = Source.objects.create(name="Обласні новини", slug="oblast", url="http://127.0.0.1/atom")
    tariffs = WatchEntry.objects.create(kind=WatchKind.TOPIC, phrase="тарифи")

    def article(title, source, published, **fields):
        return Article.objects.create(
            source=source,
            url=f"http://127.0.0.1/{len(title)}{published.day}",
            title=title,
            published=published,
            **fields,
        )

    water = article("Тарифи на воду", visnyk, day(3), tone=Tone.NEGATIVE, relevant=True)
    Mention.objects.create(article=water, entry=tariffs, phrase="Тарифи", snippet="Тарифи на воду")
    article("Ярмарок на площі", oblast, day(5), tone=Tone.POSITIVE, relevant=False)
    article("Сесія ради", visnyk, day(6))
    return {"visnyk": visnyk, "oblast": oblast, "tariffs": tariffs, "water": water}


def titles(response):
    html = response.content.decode()
    assert response.status_code == 200
    return {t for t in ("Тарифи на воду", "Ярмарок на площі", "Сесія ради") if t in html}


def test_the_menu_group_is_in_ukrainian(editor_client, stored):
    html = editor_client.get("/admin/").content.decode()
    for label in ("Моніторинг ЗМІ", "Публікації", "Джерела", "Перелік для відстеження"):
        # The sidebar menu is JSON in an attribute: labels may come \u-escaped.
        assert label in html or json.dumps(label)[1:-1] in html, label
    for url in ("/admin/monitoring/articles/", "/admin/monitoring/sources/", "/admin/monitoring/watch/"):
        assert f"&quot;url&quot;: &quot;{url}&quot;" in html or f'"url": "{url}"' in html, url


def test_the_article_list_shows_matched_phrases_and_offers_no_add(editor_client, stored):
    response = editor_client.get(ARTICLES)
    assert titles(response) == {"Тарифи на воду", "Ярмарок на площі", "Сесія ради"}
    assert "Тарифи на воду" in response.content.decode()
    assert editor_client.get(f"{ARTICLES}new/").status_code == 404
    assert editor_client.get(f"{ARTICLES}copy/{stored['water'].pk}/").status_code == 404


@pytest.mark.parametrize(
    "params,expected",
    [
        ({"source": "oblast"}, {"Ярмарок на площі"}),
        ({"tone": "negative"}, {"Тарифи на воду"}),
        ({"relevant": "false"}, {"Ярмарок на площі"}),
        ({"relevant": "unknown"}, {"Сесія ради"}),
        ({"published_from": "2026-12-04", "published_to": "2026-12-05"}, {"Ярмарок на площі"}),
        ({"entry": "tariffs"}, {"Тарифи на воду"}),
        ({"entry_kind": "topic"}, {"Тарифи на воду"}),
        ({"entry_kind": "deputy"}, set()),
    ],
)
def test_the_article_list_filters(editor_client, stored, params, expected):
    params = {k: stored[v].pk if v in ("oblast", "tariffs") else v for k, v in params.items()}
    assert titles(editor_client.get(ARTICLES, params)) == expected


def test_hostile_filter_values_are_not_a_500(editor_client, stored):
    for params in (
        {"source": "x"},
        {"tone": "angry"},
        {"published_from": "31.31.2026"},
        {"relevant": "maybe"},
    ):
        assert editor_client.get(ARTICLES, params).status_code == 200


def test_a_reviewer_marks_relevance_tone_and_note_only(editor_client, stored):
    article = stored["water"]
    response = editor_client.post(
        f"{ARTICLES}edit/{article.pk}/",
        {"relevant": "true", "tone": "neutral", "note": "Цитувати в довідці", "title": "змінено"},
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.relevant, article.tone, article.note, article.title) == (
        True,
        Tone.NEUTRAL,
        "Цитувати в довідці",
        "Тарифи на воду",
    )


def test_sources_and_watch_entries_are_added_in_the_admin(editor_client, db):
    response = editor_client.post(
        "/admin/monitoring/sources/new/",
        {
            "name": "Сайт без стрічки",
            "slug": "site",
            "kind": "page",
            "url": "http://127.0.0.1/news/",
            "link_selector": ".news a",
            "date_format": "%d.%m.%Y",
            "check_interval": "02:00:00",
            "enabled": "on",
        },
    )
    assert response.status_code == 302
    assert Source.objects.get(slug="site").kind == SourceKind.PAGE
    response = editor_client.post(
        "/admin/monitoring/watch/new/", {"kind": "mayor", "phrase": "міський голова"}
    )
    assert response.status_code == 302 and WatchEntry.objects.get().kind == WatchKind.MAYOR
    assert "міський голова" in editor_client.get("/admin/monitoring/watch/").content.decode()


def test_the_article_screen_shows_its_mentions_beside_the_review_fields(editor_client, stored):
    article = stored["water"]
    boiko = WatchEntry.objects.create(kind=WatchKind.DEPUTY, phrase="Бойко Олександр Миколайович")
    Mention.objects.create(
        article=article,
        entry=boiko,
        phrase="депутата Бойка",
        snippet="…звернення депутата Бойка щодо тарифів…",
    )
    html = editor_client.get(f"{ARTICLES}edit/{article.pk}/").content.decode()
    mentions = html[html.index("Згадки") :]
    for text in (
        "Бойко Олександр Миколайович",
        "Депутат",
        "депутата Бойка",
        "звернення депутата Бойка щодо тарифів",
    ):
        assert text in mentions, text
    assert "тарифи" in mentions and "Тарифи на воду" in mentions
    for field in ('name="relevant"', 'name="tone"', 'name="note"'):
        assert field in html, field
    assert 'name="title"' not in html  # shown read-only, never edited


def test_an_article_without_mentions_says_so(editor_client, stored):
    article = Article.objects.get(title="Сесія ради")
    html = editor_client.get(f"{ARTICLES}edit/{article.pk}/").content.decode()
    assert "Публікація не згадує нічого з переліку для відстеження." in html


def test_a_sources_inspect_screen_shows_the_last_fetch_not_the_validators(editor_client, stored):
    source = stored["visnyk"]
    Source.objects.filter(pk=source.pk).update(
        last_status="error", last_error="Сайт недоступний", etag='"abc"'
    )
    html = editor_client.get(f"/admin/monitoring/sources/inspect/{source.pk}/").content.decode()
    assert "Сайт недоступний" in html and '"abc"' not in html and "&quot;abc&quot;" not in html
