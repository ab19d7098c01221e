"""Cached pages show the council's records as they are at the next request after they change.

An act page shows a vote's new tally once the vote is counted again; the deputies' and meetings'
pages (the page cache's ``council`` section) show any change to the records, whoever wrote it.
"""

import datetime
import zoneinfo

import pytest
from django.core.cache import cache

from cms.cache import HEADER
from council.kinds import BallotChoice
from council.models import Ballot, Membership, Vote
from council.tally import recount, recount_votes
from tests import factories as f
from tests.registry.factories import PartyOrganizationFactory
from tests.registry.helpers import run_import

from .factories import (
    AgendaItemFactory,
    BallotFactory,
    DeputyFactory,
    MeetingFactory,
    MembershipFactory,
    VoteFactory,
)

pytestmark = pytest.mark.django_db
KYIV = zoneinfo.ZoneInfo("Europe/Kyiv")


@pytest.fixture
def page_cache(settings, site):
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def act_with_vote(home_page, convocation):
    act = f.ActPageFactory(parent=f.ActIndexPageFactory(parent=home_page), title="Про бюджет громади")
    meeting = MeetingFactory(
        convocation=convocation, starts_at=datetime.datetime(2024, 3, 1, 10, tzinfo=KYIV)
    )
    vote = VoteFactory(agenda_item=AgendaItemFactory(meeting=meeting, decision=act), position=1)
    deputy = DeputyFactory(full_name="Бойко Олександр Миколайович", slug="boiko")
    MembershipFactory(deputy=deputy, convocation=convocation, faction=None)
    BallotFactory(vote=vote, deputy=deputy, choice=BallotChoice.FOR)
    recount(vote)
    return act, vote


def test_recounting_a_vote_purges_the_act_page_that_shows_it(
    client, page_cache, act_with_vote, django_capture_on_commit_callbacks
):
    act, vote = act_with_vote
    client.get(act.url)
    assert client.get(act.url)[HEADER] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        Ballot.objects.filter(vote=vote).update(choice=BallotChoice.AGAINST)
        recount(vote)

    response = client.get(act.url)
    assert response[HEADER] == "miss"
    assert "Проти" in response.content.decode()


def test_a_bulk_recount_purges_the_act_pages_too(
    client, page_cache, act_with_vote, django_capture_on_commit_callbacks
):
    act, vote = act_with_vote
    client.get(act.url)
    assert client.get(act.url)[HEADER] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        Ballot.objects.filter(vote=vote).update(choice=BallotChoice.ABSTAINED)
        recount_votes(Vote.objects.all())
    assert client.get(act.url)[HEADER] == "miss"


def warm(client, *urls):
    for url in urls:
        assert client.get(url).status_code == 200, url
        assert client.get(url)[HEADER] == "hit", url


def council_urls(vote):
    return ["/deputaty/", "/deputaty/boiko/", "/zasidannia/", f"/zasidannia/{vote.agenda_item.meeting_id}/"]


def test_the_deputies_and_meetings_pages_are_cached_for_anonymous_visitors(client, page_cache, act_with_vote):
    act, vote = act_with_vote
    warm(client, *council_urls(vote), "/zasidannia/calendar.ics")
    response = client.get("/deputaty/boiko/")
    assert "public" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]
    client.cookies["sessionid"] = "an-editor"
    assert HEADER not in client.get("/deputaty/boiko/")


def test_a_recount_by_a_bulk_writer_purges_the_deputies_and_meetings_pages(
    client, page_cache, act_with_vote, django_capture_on_commit_callbacks
):
    act, vote = act_with_vote
    warm(client, *council_urls(vote))
    with django_capture_on_commit_callbacks(execute=True):
        Ballot.objects.filter(vote=vote).update(choice=BallotChoice.AGAINST)  # no signal
        recount_votes(Vote.objects.all())
    for url in council_urls(vote):
        assert client.get(url)[HEADER] == "miss", url
    assert "vote--against" in client.get("/deputaty/boiko/").content.decode()


def test_a_deputy_renamed_shows_on_his_page_the_list_and_the_act_he_voted_on(
    client, page_cache, act_with_vote, django_capture_on_commit_callbacks
):
    act, vote = act_with_vote
    warm(client, *council_urls(vote), act.url)
    deputy = vote.ballots.get().deputy
    deputy.full_name = "Бойко-Шевченко Олександр Миколайович"
    with django_capture_on_commit_callbacks(execute=True):
        deputy.save()
    for url in ("/deputaty/", "/deputaty/boiko/", act.url):
        response = client.get(url)
        assert response[HEADER] == "miss", url
        assert "Бойко-Шевченко" in response.content.decode(), url


def test_a_meeting_moved_shows_on_its_page_and_in_the_calendar(
    client, page_cache, act_with_vote, django_capture_on_commit_callbacks
):
    act, vote = act_with_vote
    meeting = vote.agenda_item.meeting
    warm(client, f"/zasidannia/{meeting.pk}/", "/zasidannia/calendar.ics")
    meeting.place = "Велика зала виконкому"
    with django_capture_on_commit_callbacks(execute=True):
        meeting.save()
    assert "Велика зала виконкому" in client.get(f"/zasidannia/{meeting.pk}/").content.decode()
    assert client.get("/zasidannia/calendar.ics")[HEADER] == "miss"


def test_a_decision_unpublished_is_no_longer_linked_from_the_record_of_a_deputy_who_voted_on_it(
    client, page_cache, act_with_vote, django_capture_on_commit_callbacks
):
    act, vote = act_with_vote
    warm(client, "/deputaty/boiko/")
    assert f'href="{act.url}"' in client.get("/deputaty/boiko/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        act.unpublish()
    response = client.get("/deputaty/boiko/")
    assert response[HEADER] == "miss"
    assert f'href="{act.url}"' not in response.content.decode()


def test_a_news_item_published_leaves_the_council_pages_cached(
    client, page_cache, act_with_vote, home_page, django_capture_on_commit_callbacks
):
    act, vote = act_with_vote
    news = f.NewsPageFactory(parent=f.NewsIndexPageFactory(parent=home_page))
    warm(client, "/deputaty/boiko/")
    with django_capture_on_commit_callbacks(execute=True):
        news.save_revision().publish()
    assert client.get("/deputaty/boiko/")[HEADER] == "hit"


def test_a_registry_import_renaming_a_faction_shows_on_its_deputies_pages(
    client, page_cache, act_with_vote, django_capture_on_commit_callbacks
):
    act, vote = act_with_vote
    party = PartyOrganizationFactory(name="Ніжинська організація партії «Зелені»")
    Membership.objects.filter(deputy__slug="boiko").update(faction=party)  # no signal: purge by hand
    cache.clear()
    warm(client, "/deputaty/boiko/")
    content = f"Назва,Код ЄДРПОУ\nНіжинська організація партії «Зелені люди»,{party.edrpou}\n".encode()
    with django_capture_on_commit_callbacks(execute=True):
        report = run_import(content, "csv", default_kind="party")  # bulk writes: no signal either
    assert report.updated == 1
    response = client.get("/deputaty/boiko/")
    assert response[HEADER] == "miss"
    assert "Зелені люди" in response.content.decode()


def test_a_protocol_renamed_shows_on_its_meeting_page_and_other_documents_purge_nothing(
    client, page_cache, act_with_vote, django_capture_on_commit_callbacks
):
    act, vote = act_with_vote
    meeting = vote.agenda_item.meeting
    meeting.protocol = f.DocumentFactory(title="Протокол 41 сесії")
    meeting.save()
    cache.clear()
    warm(client, f"/zasidannia/{meeting.pk}/")
    with django_capture_on_commit_callbacks(execute=True):
        f.DocumentFactory(title="Розпорядження про відпустку")
    assert client.get(f"/zasidannia/{meeting.pk}/")[HEADER] == "hit"
    meeting.protocol.title = "Протокол пленарного засідання 41 сесії"
    with django_capture_on_commit_callbacks(execute=True):
        meeting.protocol.save()
    response = client.get(f"/zasidannia/{meeting.pk}/")
    assert response[HEADER] == "miss"
    assert "Протокол пленарного засідання 41 сесії" in response.content.decode()
