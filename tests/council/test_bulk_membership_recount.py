"""Memberships written in bulk (``QuerySet.update``, ``bulk_create``, ``bulk_update``, ``QuerySet.delete``)
recount the votes they affect, once per write, as a save does: Django sends no signal for them."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from council import recounting
from council.kinds import BallotChoice, MeetingKind
from council.models import Ballot, Membership, Vote
from council.recounting import recount_once
from tests.registry.factories import PartyOrganizationFactory

from .factories import BallotFactory, DeputyFactory, MeetingFactory, MembershipFactory, VoteFactory

pytestmark = pytest.mark.django_db

FOR, AGAINST = BallotChoice.FOR, BallotChoice.AGAINST
DAY = datetime.date(2024, 3, 5)
ONE_DAY = datetime.timedelta(days=1)


def at(day):
    return datetime.datetime.combine(day, datetime.time(10), tzinfo=datetime.UTC)


@pytest.fixture
def vote(convocation, deputies):
    """A plenary vote on ``DAY``: seven «for» of twelve, adopted."""
    meeting = MeetingFactory(convocation=convocation, starts_at=at(DAY))
    vote = VoteFactory(agenda_item__meeting=meeting)
    for deputy in deputies[:7]:
        BallotFactory(vote=vote, deputy=deputy, choice=FOR)
    recounting.recount_votes(Vote.objects.filter(pk=vote.pk))
    return vote


@pytest.fixture
def recounts(monkeypatch):
    """The calls of ``recount_votes`` made by the recounting of memberships."""
    calls = []
    recount_votes = recounting.recount_votes
    monkeypatch.setattr(recounting, "recount_votes", lambda votes: calls.append(1) or recount_votes(votes))
    return calls


def judged(vote):
    vote = Vote.objects.get(pk=vote.pk)
    return vote.composition, vote.adopted


def test_a_bulk_update_of_end_dates_recounts_the_votes(deputies, vote, recounts):
    assert judged(vote) == (12, True)
    Membership.objects.filter(deputy__in=deputies[7:]).update(end_date=DAY - ONE_DAY)
    assert judged(vote) == (8, True)  # four mandates ended before the day
    assert recounts == [1]


def test_an_update_through_a_deputy_s_memberships_recounts(deputies, vote):
    deputies[10].memberships.update(end_date=DAY - ONE_DAY)
    assert judged(vote) == (11, True)


def test_bulk_created_successors_recount_the_votes(convocation, deputies, vote, recounts):
    successors = [DeputyFactory() for _ in range(3)]
    Membership.objects.bulk_create(
        Membership(deputy=deputy, convocation=convocation, start_date=DAY) for deputy in successors
    )
    assert judged(vote) == (15, False)  # seven «for» of fifteen
    assert recounts == [1]


def test_a_queryset_delete_recounts_once(deputies, vote, recounts):
    Membership.objects.filter(deputy__in=deputies[8:]).delete()
    assert judged(vote) == (9, True)
    assert recounts == [1]


def test_bulk_update_moving_memberships_recounts_for_the_deputies_they_go_to(convocation, deputies):
    # Melnyk's green membership was entered under Boiko, whose own (blue, from 2024) is the later one:
    # moving it changes Boiko's days only before 2024, Melnyk's from the green start on.
    green, blue = PartyOrganizationFactory(name="Зелена"), PartyOrganizationFactory(name="Синя")
    boiko, melnyk = DeputyFactory(slug="boiko"), DeputyFactory(slug="melnyk")
    misplaced = MembershipFactory(deputy=boiko, convocation=convocation, faction=green)
    MembershipFactory(
        deputy=boiko, convocation=convocation, faction=blue, start_date=datetime.date(2024, 1, 1)
    )
    meeting = MeetingFactory(convocation=convocation, starts_at=at(DAY))
    vote = VoteFactory(agenda_item__meeting=meeting)
    BallotFactory(vote=vote, deputy=melnyk, choice=AGAINST)
    recounting.recount_votes(Vote.objects.filter(pk=vote.pk))
    assert Ballot.objects.get(vote=vote).faction is None
    misplaced.deputy = melnyk
    Membership.objects.bulk_update([misplaced], ["deputy"])
    assert Ballot.objects.get(vote=vote).faction == green
    assert judged(vote)[0] == 14  # 11, Boiko, Melnyk and the mayor


def test_bulk_writes_inside_recount_once_recount_at_its_end(convocation, deputies, vote, recounts):
    with recount_once():
        Membership.objects.filter(deputy__in=deputies[9:]).update(end_date=DAY - ONE_DAY)
        Membership.objects.bulk_create(
            [Membership(deputy=DeputyFactory(), convocation=convocation, start_date=DAY)]
        )
        assert judged(vote) == (12, True)  # not yet
    assert judged(vote) == (11, True)
    assert recounts == [1]


def test_an_update_that_matches_nothing_recounts_nothing(deputies, vote, recounts):
    Membership.objects.filter(deputy__in=[]).update(end_date=DAY)
    Membership.objects.filter(start_date__gt=DAY).delete()
    assert recounts == []


def test_a_failed_bulk_write_leaves_the_memberships_and_the_votes_as_they_were(deputies, vote, monkeypatch):
    def fail(votes):
        raise RuntimeError("recount failed")

    monkeypatch.setattr(recounting, "recount_votes", fail)
    with pytest.raises(RuntimeError):
        Membership.objects.filter(deputy__in=deputies[7:]).update(end_date=DAY - ONE_DAY)
    assert not Membership.objects.filter(end_date__isnull=False).exists()  # rolled back with the recount


def test_the_manager_offers_no_delete_of_every_membership():
    assert not hasattr(Membership.objects, "delete")


def test_the_queries_of_a_bulk_update_do_not_grow_with_the_votes(convocation, deputies):
    def queries(votes):
        for n in range(votes):
            meeting = MeetingFactory(convocation=convocation, starts_at=at(DAY + n * ONE_DAY))
            BallotFactory(vote=VoteFactory(agenda_item__meeting=meeting), deputy=deputies[0], choice=FOR)
        with CaptureQueriesContext(connection) as captured:
            Membership.objects.filter(deputy__in=deputies[9:]).update(end_date=DAY - ONE_DAY)
        assert set(Vote.objects.values_list("composition", flat=True)) == {10}
        Membership.objects.update(end_date=None)
        return len(captured)

    assert queries(2) == queries(20)


def test_correcting_a_meetings_kind_or_date_judges_its_votes_again(deputies, vote, recounts):
    meeting = vote.agenda_item.meeting
    meeting.kind = MeetingKind.EXECUTIVE  # the executive committee's composition is not recorded
    meeting.save()
    assert judged(vote) == (None, None)
    meeting.kind = MeetingKind.PLENARY
    meeting.save()
    assert judged(vote) == (12, True)
    Membership.objects.filter(deputy__in=deputies[4:]).update(start_date=DAY + ONE_DAY)
    assert judged(vote) == (5, True)  # seven mandates begin the next day
    meeting.starts_at = at(DAY + ONE_DAY)  # the session was in fact held the next day
    meeting.save()
    assert judged(vote) == (12, True)
    calls = len(recounts)
    meeting.title = "Пленарне засідання (уточнено)"
    meeting.save()
    assert len(recounts) == calls  # nothing the votes are judged by changed
