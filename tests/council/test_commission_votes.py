"""A standing commission's votes are judged against the commission's own composition on the day (its
seats, without the mayor), the executive committee's are not judged, and a plenary session's still are
against the council's; a change of a commission seat recounts the commission's votes it affects."""

import datetime
from collections import Counter

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from council.kinds import BallotChoice, CommissionRole, MeetingKind
from council.models import CommissionMembership, Vote
from council.tally import commission_composition_on, recount, recount_many
from tests import factories as f

from .factories import (
    BallotFactory,
    CommissionMembershipFactory,
    MeetingFactory,
    VoteFactory,
)

pytestmark = pytest.mark.django_db

FOR, AGAINST, ABSENT = BallotChoice.FOR, BallotChoice.AGAINST, BallotChoice.ABSENT
DAY = datetime.date(2024, 3, 5)
ONE_DAY = datetime.timedelta(days=1)


def at(day):
    return datetime.datetime.combine(day, datetime.time(10), tzinfo=datetime.UTC)


@pytest.fixture
def members(deputies, commission):
    """The first five deputies sit in the budget commission."""
    for deputy in deputies[:5]:
        CommissionMembershipFactory(deputy=deputy, commission=commission)
    return deputies[:5]


def cast(meeting, ballots):
    vote = VoteFactory(agenda_item__meeting=meeting)
    for deputy, choice in ballots:
        BallotFactory(vote=vote, deputy=deputy, choice=choice)
    recount(vote)
    return vote


def commission_vote(commission, convocation, members, choices, *, day=DAY):
    meeting = MeetingFactory(
        kind=MeetingKind.COMMISSION, commission=commission, convocation=convocation, starts_at=at(day)
    )
    return cast(meeting, zip(members, choices, strict=True))


def judged(vote):
    vote = Vote.objects.get(pk=vote.pk)
    return vote.composition, vote.quorum, vote.adopted


def test_three_for_in_a_commission_of_five_is_adopted(commission, convocation, members):
    vote = commission_vote(commission, convocation, members, [FOR, FOR, FOR, ABSENT, ABSENT])
    # Against the council of twelve, three registered would have been no quorum.
    assert judged(vote) == (5, True, True)


def test_two_for_of_five_is_not_adopted_though_most_of_those_present(commission, convocation, members):
    vote = commission_vote(commission, convocation, members, [FOR, FOR, AGAINST, ABSENT, ABSENT])
    assert judged(vote) == (5, True, False)


def test_two_of_five_registered_is_no_quorum(commission, convocation, members):
    vote = commission_vote(commission, convocation, members, [FOR, FOR, ABSENT, ABSENT, ABSENT])
    assert judged(vote) == (5, False, False)


def test_half_of_an_even_commission_is_a_quorum_but_not_a_majority(commission, convocation, members):
    # Art. 47: a meeting with at least half of the commission is competent; its conclusions need
    # more than half of the composition: 3 of 4.
    members[4].commission_seats.update(end_date=DAY - ONE_DAY)
    vote = commission_vote(commission, convocation, members[:4], [FOR, FOR, ABSENT, ABSENT])
    assert judged(vote) == (4, True, False)


def test_the_same_ballots_at_a_plenary_session_are_judged_against_the_council(convocation, members):
    meeting = MeetingFactory(kind=MeetingKind.PLENARY, convocation=convocation, starts_at=at(DAY))
    vote = cast(meeting, zip(members, [FOR, FOR, FOR, ABSENT, ABSENT], strict=True))
    assert judged(vote) == (12, False, False)  # eleven deputies and the mayor


def test_a_plenary_majority_of_the_council_is_still_adopted(convocation, deputies):
    meeting = MeetingFactory(kind=MeetingKind.PLENARY, convocation=convocation, starts_at=at(DAY))
    vote = cast(
        meeting, [(deputy, FOR) for deputy in deputies[:7]] + [(deputy, ABSENT) for deputy in deputies[7:]]
    )
    assert judged(vote) == (12, True, True)


def test_seats_count_on_their_first_and_last_day_and_a_deputy_once(commission, deputies, members):
    CommissionMembershipFactory(deputy=deputies[5], commission=commission, end_date=DAY - ONE_DAY)
    CommissionMembershipFactory(deputy=deputies[6], commission=commission, start_date=DAY)
    CommissionMembershipFactory(deputy=deputies[7], commission=commission, end_date=DAY)
    CommissionMembershipFactory(deputy=deputies[0], commission=commission, role=CommissionRole.CHAIR)
    assert commission_composition_on(commission.pk, DAY) == 7
    assert (
        commission_composition_on(commission.pk, DAY - ONE_DAY) == 7
    )  # the 6th's last day, not the 7th's first
    assert commission_composition_on(commission.pk, DAY + ONE_DAY) == 6
    assert commission_composition_on(None, DAY) is None


def test_a_commission_without_seats_leaves_the_result_undecided(commission, convocation, deputies):
    vote = commission_vote(commission, convocation, deputies[:3], [FOR, FOR, FOR])
    assert judged(vote) == (None, None, None)


def test_an_executive_committee_vote_is_not_judged_against_the_council(convocation, deputies):
    meeting = MeetingFactory(kind=MeetingKind.EXECUTIVE, convocation=convocation, starts_at=at(DAY))
    vote = cast(meeting, [(deputy, FOR) for deputy in deputies])
    assert judged(vote) == (None, None, None)
    assert Vote.objects.get(pk=vote.pk).for_count == 11  # the tally itself is kept


def test_recounting_commission_votes_takes_the_same_queries_for_more_votes(
    commission, convocation, deputies, members
):
    other = f.CommissionPageFactory(parent=commission.get_parent(), title="Комісія з питань освіти")
    for deputy in deputies[5:]:
        CommissionMembershipFactory(deputy=deputy, commission=other)

    def queries(size):
        votes = [
            commission_vote(body, convocation, sitting[:3], [FOR] * 3, day=DAY + n * ONE_DAY)
            for n in range(size)
            for body, sitting in ((commission, members), (other, deputies[5:]))
        ]
        plenary = MeetingFactory(convocation=convocation, starts_at=at(DAY))
        votes.append(cast(plenary, [(deputies[0], FOR)]))
        Vote.objects.update(composition=None, quorum=None, adopted=None)
        batch = Vote.objects.filter(pk__in=[vote.pk for vote in votes]).select_related("agenda_item__meeting")
        batch = list(batch)
        with CaptureQueriesContext(connection) as captured:
            recount_many(batch)
        compositions = Counter(judged(vote)[0] for vote in votes)
        assert compositions == {5: size, 6: size, 12: 1}  # each commission's, and the council's
        return len(captured)

    assert queries(2) == queries(20)


def test_a_seat_ended_by_a_save_recounts_the_commission_vote(commission, convocation, members):
    vote = commission_vote(commission, convocation, members, [FOR, FOR, FOR, ABSENT, ABSENT])
    seat = members[4].commission_seats.get()
    seat.end_date = DAY - ONE_DAY
    seat.save()
    assert judged(vote) == (4, True, True)
    seat.delete()
    assert judged(vote) == (4, True, True)
    CommissionMembership.objects.create(deputy=members[4], commission=commission, start_date=DAY)
    assert judged(vote) == (5, True, True)


def test_seats_ended_in_bulk_recount_the_commission_vote(commission, convocation, members):
    vote = commission_vote(commission, convocation, members, [FOR, FOR, AGAINST, ABSENT, ABSENT])
    assert judged(vote) == (5, True, False)
    CommissionMembership.objects.filter(deputy__in=members[3:]).update(end_date=DAY - ONE_DAY)
    assert judged(vote) == (3, True, True)  # 2 «for» of 3


def test_a_new_role_recounts_nothing(commission, convocation, members):
    vote = commission_vote(commission, convocation, members, [FOR, FOR, FOR, ABSENT, ABSENT])
    Vote.objects.filter(pk=vote.pk).update(composition=99)  # stale on purpose: a recount would fix it
    seat = members[0].commission_seats.get()
    seat.role = CommissionRole.CHAIR
    seat.save()
    assert judged(vote)[0] == 99


def test_the_command_recounts_the_votes_of_one_kind(commission, convocation, members):
    commission_votes = commission_vote(commission, convocation, members, [FOR, FOR, FOR, ABSENT, ABSENT])
    plenary = cast(MeetingFactory(convocation=convocation, starts_at=at(DAY)), [(members[0], FOR)])
    Vote.objects.filter(pk__in=[commission_votes.pk, plenary.pk]).update(composition=99, adopted=None)
    call_command("recount_votes", "--kind", "commission", "--kind", "executive", verbosity=0)
    assert judged(commission_votes) == (5, True, True)
    assert judged(plenary)[0] == 99  # not of those kinds: untouched


def test_the_act_page_names_the_commission_s_composition(client, home_page, commission, convocation, members):
    act = f.ActPageFactory(parent=f.ActIndexPageFactory(parent=home_page))
    vote = commission_vote(commission, convocation, members, [FOR, FOR, FOR, ABSENT, ABSENT])
    vote.agenda_item.draft = act
    vote.agenda_item.save()
    response = client.get(act.url)
    requisites = BeautifulSoup(response.content.decode(), "html.parser").find("dl", class_="vote-result")
    assert [row.get_text(" ", strip=True) for row in requisites.find_all("div")][:1] == ["Склад комісії 5"]
