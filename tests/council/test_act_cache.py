"""A cached act page shows a vote's new tally at the next request after the vote is counted again."""

import datetime
import zoneinfo

import pytest
from django.core.cache import cache

from cms.cache import HEADER
from council.kinds import BallotChoice
from council.models import Ballot, Vote
from council.tally import recount, recount_votes
from tests import factories as f

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
