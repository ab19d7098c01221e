"""A vote's tally, quorum and result against the council's composition on the day of the vote."""

import datetime

import pytest

from council.kinds import BallotChoice, Majority
from council.tally import composition_on, outcome, recount, votes_needed

from .factories import BallotFactory, MeetingFactory, MembershipFactory, VoteFactory

pytestmark = pytest.mark.django_db


def seat(convocation, n, *, start=datetime.date(2020, 12, 1), end=None):
    return [
        MembershipFactory(convocation=convocation, faction=None, start_date=start, end_date=end)
        for _ in range(n)
    ]


def test_the_composition_counts_the_mandates_running_on_the_day_and_the_mayor(convocation):
    seat(convocation, 30)
    seat(convocation, 2, end=datetime.date(2024, 1, 31))  # mandates ended early
    seat(convocation, 1, start=datetime.date(2024, 3, 1))  # a successor
    assert composition_on(convocation.pk, datetime.date(2024, 1, 15)) == 33
    assert composition_on(convocation.pk, datetime.date(2024, 2, 15)) == 31
    assert composition_on(convocation.pk, datetime.date(2024, 3, 1)) == 32
    assert composition_on(None, datetime.date(2024, 3, 1)) is None


@pytest.mark.parametrize(
    ("composition", "majority", "needed"),
    [
        (35, Majority.HALF, 18),
        (34, Majority.HALF, 18),
        (35, Majority.TWO_THIRDS, 24),
        (33, Majority.TWO_THIRDS, 22),
    ],
)
def test_votes_needed(composition, majority, needed):
    assert votes_needed(composition, majority) == needed


def test_a_majority_of_those_present_is_not_enough():
    counts = {BallotChoice.FOR: 17, BallotChoice.AGAINST: 1, BallotChoice.ABSENT: 17}
    assert outcome(counts, 35, Majority.HALF).adopted is False
    assert outcome(counts | {BallotChoice.FOR: 18}, 35, Majority.HALF).adopted is True


def test_no_quorum_no_decision():
    counts = {BallotChoice.FOR: 17, BallotChoice.ABSENT: 18}
    result = outcome(counts, 35, Majority.HALF)
    assert (result.quorum, result.adopted) == (False, False)


def test_recount_stores_the_tally_on_the_vote(convocation):
    deputies = [membership.deputy for membership in seat(convocation, 34)]
    meeting = MeetingFactory(
        convocation=convocation, starts_at=datetime.datetime(2024, 3, 5, 10, tzinfo=datetime.UTC)
    )
    vote = VoteFactory(agenda_item__meeting=meeting)
    choices = [BallotChoice.FOR] * 18 + [BallotChoice.AGAINST] * 3 + [BallotChoice.ABSENT] * 13
    for deputy, choice in zip(deputies, choices, strict=True):
        BallotFactory(vote=vote, deputy=deputy, choice=choice)
    result = recount(vote)
    vote.refresh_from_db()
    assert (vote.for_count, vote.against_count, vote.absent_count, vote.composition) == (18, 3, 13, 35)
    assert (vote.quorum, vote.adopted) == (True, True) == (result.quorum, result.adopted)


def test_without_a_convocation_the_result_is_undecided():
    vote = VoteFactory(agenda_item__meeting__convocation=None)
    BallotFactory(vote=vote)
    recount(vote)
    vote.refresh_from_db()
    assert (vote.for_count, vote.composition, vote.adopted) == (1, None, None)


def test_the_day_of_a_vote_is_its_day_in_kyiv(convocation):
    # 22:30 UTC on 31 January is 00:30 on 1 February in Kyiv: the mandate that ended on 31 January
    # no longer counts in the composition, and the meeting is dated 1 February.
    seat(convocation, 10)
    seat(convocation, 1, end=datetime.date(2024, 1, 31))
    late = datetime.datetime(2024, 1, 31, 22, 30, tzinfo=datetime.UTC)
    vote = VoteFactory(agenda_item__meeting__convocation=convocation, agenda_item__meeting__starts_at=late)
    recount(vote)
    vote.refresh_from_db()
    assert vote.composition == 11
    assert str(vote.agenda_item.meeting).endswith("01.02.2024")
