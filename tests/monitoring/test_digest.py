"""The daily digest: built per Kyiv day, shown in the admin, sent by e-mail."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from monitoring.digest import KYIV, build_digest, send_digest
from monitoring.models import Article, Mention, Source, WatchEntry, WatchKind

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 12, 5)


def at(day, hour):
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=KYIV)


@pytest.fixture
def articles():
    source = Source.objects.create(name="Ніжинський вісник", slug="visnyk", url="http://127.0.0.1/rss")
    tariffs = WatchEntry.objects.create(kind=WatchKind.TOPIC, phrase="тарифи")

    def article(title, fetched_at, **fields):
        created = Article.objects.create(
            source=source, url=f"http://127.0.0.1/{title}", title=title, **fields
        )
        Article.objects.filter(pk=created.pk).update(fetched_at=fetched_at)
        return created

    water = article("Тарифи на воду", at(DAY, 0))  # 00:00 Kyiv is still the 4th in UTC
    Mention.objects.create(article=water, entry=tariffs, phrase="Тарифи", snippet="Нові тарифи на воду")
    article("Ярмарок", at(DAY, 23))
    article("Передрук ярмарку", at(DAY, 12), duplicate_of=Article.objects.get(title="Ярмарок"))
    article("Вчорашнє", at(DAY, 0) - datetime.timedelta(minutes=1))
    return water


def test_the_digest_takes_the_kyiv_day_without_duplicates_mentions_first(articles):
    digest = build_digest(day=DAY)
    assert [a.title for a in digest.mentioned] == ["Тарифи на воду"]
    assert [a.title for a in digest.others] == ["Ярмарок"]
    assert [(entry.phrase, n) for entry, n in digest.entries] == [("тарифи", 1)] and digest.total == 2


def test_the_digest_is_mailed_to_the_configured_list(articles, settings):
    settings.MONITORING_DIGEST_EMAILS = ["press@example.org"]
    out = io.StringIO()
    call_command("send_media_digest", "--day", DAY.isoformat(), stdout=out)
    assert out.getvalue().strip() == "1 e-mail(s) sent for 2026-12-05"
    message = mail.outbox[0]
    assert message.to == ["press@example.org"] and "05.12.2026" in message.subject
    assert message.body.startswith("2 нові публікації за 05.12.2026.")
    assert "тарифи: Нові тарифи на воду" in message.body and "Ярмарок" in message.body


def test_nothing_is_sent_without_recipients_or_articles(articles, settings):
    settings.MONITORING_DIGEST_EMAILS = []
    assert send_digest(day=DAY) == 0
    assert send_digest(day=DAY + datetime.timedelta(days=3), recipients=["press@example.org"]) == 0
    assert mail.outbox == []


def test_a_bad_day_is_a_command_error(db):
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("send_media_digest", "--day", "05.12.2026")


def test_the_admin_digest_shows_a_day_and_explains_a_bad_one(editor_client, articles):
    html = editor_client.get("/admin/monitoring/digest/", {"day": DAY.isoformat()}).content.decode()
    assert "Тарифи на воду" in html and "Нові тарифи на воду" in html and "Передрук" not in html
    assert "2 нові публікації за 05.12.2026." in html and "Щоденний огляд" in html
    response = editor_client.get("/admin/monitoring/digest/", {"day": "2026-13-45"})
    assert response.status_code == 200 and "Тарифи на воду" not in response.content.decode()
    assert editor_client.get("/admin/monitoring/digest/", {"day": "x" * 5000}).status_code == 200
