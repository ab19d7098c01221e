"""``manage.py fetch_media`` against the local fixture site."""

import io

import pytest
from django.core.management import CommandError, call_command

from monitoring.models import Article, FetchStatus, Source, SourceKind

pytestmark = pytest.mark.django_db
QUICK = ["--delay", "0", "--timeout", "0.5"]


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("fetch_media", *args, *QUICK, stdout=out, stderr=err)
    return out.getvalue().splitlines(), err.getvalue()


def test_a_new_feed_is_added_then_fetched_with_one_line_per_new_article(media, watch_entries):
    lines, _err = run("--feed", media.url("/rss.xml"))
    source = Source.objects.get()
    assert source.url == media.url("/rss.xml") and source.kind == SourceKind.FEED
    assert lines == [
        f"127-0-0-1\tЗвернення до міського голови\t{media.url('/articles/one')}\t"
        "Міський голова: міський голова, Тема: ремонт доріг",
        f"127-0-0-1\tНові тарифи на воду\t{media.url('/articles/two')}\t"
        "Орган ради: виконавчий комітет, Тема: тарифи, Номер акта: № 4-49/2018",
    ]
    assert run("--feed", media.url("/rss.xml"))[0] == []
    assert Source.objects.count() == 1


def test_one_source_by_its_slug_and_an_article_without_mentions_shows_a_dash(media):
    Source.objects.create(
        name="Сторінка", slug="page", kind=SourceKind.PAGE, url=media.url("/news/"), link_selector=".news a"
    )
    lines, _err = run("--source", "page")
    assert len(lines) == 3 and all(line.startswith("page\t") and line.endswith("\t-") for line in lines)


def test_without_arguments_only_due_sources_are_fetched_and_errors_go_to_stderr(media):
    Source.objects.create(name="Зламане", slug="broken", url=media.url("/not-a-feed.xml"))
    Source.objects.create(name="Вимкнене", slug="off", url=media.url("/atom.xml"), enabled=False)
    lines, err = run()
    assert lines == [] and err.startswith("broken: Це не стрічка RSS чи Atom")
    assert Source.objects.get(slug="broken").last_status == FetchStatus.ERROR
    assert Source.objects.get(slug="off").last_fetch_at is None and Article.objects.count() == 0


def test_an_unknown_slug_is_a_command_error(db):
    with pytest.raises(CommandError, match="No source"):
        run("--source", "nope")
