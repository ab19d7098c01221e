"""load_demo shows the monitoring: three sources and a month of articles with their mentions."""

import pytest
from wagtail import hooks

from monitoring.demo import DEMO_DAYS, DEMO_HOOK, DEMO_ORDER, add_demo_media
from monitoring.digest import KYIV
from monitoring.models import Article, Mention, MonthlyNoteText, Source, WatchEntry, WatchKind
from pages.demo.base import Report
from tests.council.factories import DeputyFactory

pytestmark = pytest.mark.django_db


def test_demo_media_is_registered_with_load_demo():
    assert add_demo_media in hooks.get_hooks(DEMO_HOOK)


def test_demo_adds_three_disabled_sources_and_a_month_of_matched_articles_once(editor_client, home_page):
    report = Report()
    add_demo_media(home=home_page, user=None, report=report)
    add_demo_media(home=home_page, user=None, report=report)
    assert report.created["публікацій у моніторингу"] == DEMO_DAYS * 2 == Article.objects.count()
    assert Source.objects.filter(enabled=False).count() == 3 and not Source.objects.filter(enabled=True)
    assert Mention.objects.filter(entry__phrase="міський голова").exists()
    newest = Article.objects.latest("fetched_at")
    day = newest.fetched_at.astimezone(KYIV).date().isoformat()
    html = editor_client.get("/admin/monitoring/digest/", {"day": day}).content.decode()
    assert newest.title in html


def test_demo_runs_after_the_council_and_watches_its_deputies(editor_client, home_page):
    assert DEMO_ORDER > 0  # the council's demo (order 0) has added its deputies by then
    DeputyFactory(full_name="Бойко Олександр Миколайович")
    add_demo_media(home=home_page, user=None, report=Report())
    deputy = WatchEntry.objects.get(kind=WatchKind.DEPUTY)
    assert Mention.objects.filter(entry=deputy, phrase="Бойко Олександр").exists()
    text = MonthlyNoteText.objects.get()
    html = editor_client.get("/admin/monitoring/note/", {"month": f"{text.month:%Y-%m}"}).content.decode()
    assert text.situation in html
