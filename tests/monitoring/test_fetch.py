"""Sources read from the local fixture site into stored, matched articles; failures kept on the source."""

import datetime

import pytest

from monitoring.fetch import date_in, due_sources, fetch_source, source_for_feed
from monitoring.matching import WatchList
from monitoring.models import Article, FetchStatus, Source, SourceKind

from .server import CP1251_TEXT

pytestmark = pytest.mark.django_db


def make_source(media, path, *, slug="visnyk", kind=SourceKind.FEED, **fields):
    return Source.objects.create(name=slug, slug=slug, kind=kind, url=media.url(path), **fields)


def fetch(source, polite):
    return fetch_source(source=source, client=polite, watch_list=WatchList.load())


def test_an_rss_feed_stores_its_articles_with_text_date_and_mentions(media, polite, watch_entries):
    source = make_source(media, "/rss.xml")
    new = fetch(source, polite)
    assert [n.article.url for n in new] == [media.url("/articles/one"), media.url("/articles/two")]
    first = new[0].article
    assert first.title == "Звернення до міського голови"
    assert "асфальт не оновлювали" in first.text and "Головна" not in first.text
    assert first.published == datetime.datetime(2026, 12, 4, 7, 30, tzinfo=datetime.UTC)
    assert {m.entry.phrase for m in new[0].mentions} == {"міський голова", "ремонт доріг"}
    assert {m.entry.phrase for m in new[1].mentions} == {"тарифи", "№ 4-49/2018", "виконавчий комітет"}


def test_robots_txt_keeps_a_disallowed_item_out_and_says_so(media, polite):
    source = make_source(media, "/rss.xml")
    fetch(source, polite)
    source.refresh_from_db()
    assert source.last_status == FetchStatus.OK
    assert "robots.txt сайту забороняє" in source.last_error
    assert not Article.objects.filter(url__contains="private").exists()


def test_each_article_is_stored_once_across_runs_and_sources(media, polite):
    fetch(make_source(media, "/rss.xml"), polite)
    again = fetch(
        make_source(media, "/news/", slug="page", kind=SourceKind.PAGE, link_selector=".news a"), polite
    )
    assert [n.article.url for n in again] == [media.url("/articles/four"), media.url("/cp1251")]
    assert fetch(Source.objects.get(slug="visnyk"), polite) == []
    assert Article.objects.count() == 4


def test_an_atom_feed_is_read_and_a_reprint_elsewhere_is_marked_duplicate(media, polite):
    fetch(make_source(media, "/news/", slug="page", kind=SourceKind.PAGE, link_selector=".news a"), polite)
    new = fetch(make_source(media, "/atom.xml", slug="oblast"), polite)
    assert [n.article.title for n in new] == ["Сесія міської ради", "Ярмарок"]
    reprint = Article.objects.get(url=media.url("/articles/five"))
    assert reprint.duplicate_of == Article.objects.get(url=media.url("/articles/four"))
    assert Article.objects.get(url=media.url("/articles/three")).duplicate_of is None


def test_a_page_without_a_feed_follows_its_links_with_their_dates(media, polite):
    source = make_source(
        media, "/news/", slug="page", kind=SourceKind.PAGE, link_selector=".news a", date_format="%d.%m.%Y"
    )
    new = fetch(source, polite)
    assert [(n.article.title, n.article.published.date()) for n in new] == [
        ("Ярмарок у центрі міста", datetime.date(2026, 12, 6)),
        ("Звернення до міського голови", datetime.date(2026, 12, 4)),
        ("Громадські слухання", datetime.date(2026, 12, 3)),
    ]


def test_a_cp1251_article_is_stored_as_readable_text(media, polite):
    source = make_source(media, "/news/", slug="page", kind=SourceKind.PAGE, link_selector=".news a")
    fetch(source, polite)
    assert CP1251_TEXT in Article.objects.get(url=media.url("/cp1251")).text


def test_the_second_fetch_of_an_unchanged_feed_is_a_304(media, polite):
    source = make_source(media, "/etag.xml")
    fetch(source, polite)
    assert fetch(source, polite) == []
    source.refresh_from_db()
    assert (source.etag, source.last_status) == ('"v1"', FetchStatus.NOT_MODIFIED)
    assert media.server.hits[-1][1]["If-None-Match"] == '"v1"'


@pytest.mark.parametrize(
    "path,error",
    [
        ("/error", "HTTP 500"),
        ("/slow", "Сайт не відповів"),
        ("/loop", "Забагато переадресацій"),
        ("/huge", "читання перервано"),
        ("/not-a-feed.xml", "Це не стрічка RSS чи Atom"),
        ("/missing.xml", "Сторінку не знайдено (HTTP 404)"),
    ],
)
def test_a_failing_source_is_recorded_and_the_run_goes_on(media, polite, path, error):
    broken = make_source(media, path, slug="broken")
    assert fetch(broken, polite) == []
    broken.refresh_from_db()
    assert broken.last_status == FetchStatus.ERROR and error in broken.last_error
    assert broken.last_fetch_at is not None
    assert len(fetch(make_source(media, "/rss.xml"), polite)) == 2


def test_a_page_source_without_a_selector_is_an_error_on_the_source(media, polite):
    source = make_source(media, "/news/", slug="page", kind=SourceKind.PAGE)
    fetch(source, polite)
    source.refresh_from_db()
    assert "CSS-селектор" in source.last_error


def test_only_enabled_sources_past_their_interval_are_due(media):
    now = datetime.datetime(2026, 12, 7, 12, tzinfo=datetime.UTC)
    never = make_source(media, "/rss.xml", slug="never")
    recent = make_source(media, "/atom.xml", slug="recent", last_fetch_at=now - datetime.timedelta(minutes=5))
    old = make_source(media, "/news/", slug="old", last_fetch_at=now - datetime.timedelta(hours=2))
    make_source(media, "/etag.xml", slug="off", enabled=False)
    assert {s.slug for s in due_sources(now)} == {never.slug, old.slug} and recent not in due_sources(now)


def test_a_new_feed_address_becomes_a_source_once(media):
    first = source_for_feed(media.url("/rss.xml?utm_source=x"))
    assert source_for_feed(media.url("/rss.xml")) == first
    assert (first.kind, first.slug, first.url) == (SourceKind.FEED, "127-0-0-1", media.url("/rss.xml"))


def test_dates_are_read_in_the_sources_format():
    assert date_in("Опубліковано 06.12.2026 о 10:00", "%d.%m.%Y").date() == datetime.date(2026, 12, 6)
    assert date_in("99.99.2026 and 05.12.2026", "%d.%m.%Y").date() == datetime.date(2026, 12, 5)
    assert date_in("no date here", "%d.%m.%Y") is None
