"""Each ballot's faction on the day and agreement with the faction's majority, stored when counted."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from council import record
from council.kinds import BallotChoice
from council.majority import with_faction
from council.models import Ballot, Vote
from council.recounting import changed_periods
from council.tally import recount
from tests.registry.factories import PartyOrganizationFactory

from .factories import (
    BallotFactory,
    ConvocationFactory,
    DeputyFactory,
    MeetingFactory,
    MembershipFactory,
    VoteFactory,
)
from .test_admin import formset

pytestmark = pytest.mark.django_db

FOR, AGAINST, ABSTAINED, ABSENT = (
    BallotChoice.FOR,
    BallotChoice.AGAINST,
    BallotChoice.ABSTAINED,
    BallotChoice.ABSENT,
)
JUNE = datetime.date(2024, 6, 1)


def at(year, month, day, hour=10):
    return datetime.datetime(year, month, day, hour, tzinfo=datetime.UTC)


@pytest.fixture
def council(convocation):
    """Boiko, Melnyk, Zhuk in the green faction; Koval in the blue one until 31 May, green from June."""
    green, blue = PartyOrganizationFactory(name="Зелена"), PartyOrganizationFactory(name="Синя")
    people = {slug: DeputyFactory(slug=slug) for slug in ("boiko", "melnyk", "zhuk", "koval")}
    for slug in ("boiko", "melnyk", "zhuk"):
        MembershipFactory(deputy=people[slug], convocation=convocation, faction=green)
    MembershipFactory(deputy=people["koval"], convocation=convocation, faction=blue)
    return {"green": green, "blue": blue, **people}


def cast(convocation, when, ballots, *, count=True):
    vote = VoteFactory(agenda_item__meeting=MeetingFactory(convocation=convocation, starts_at=when))
    for deputy, choice in ballots.items():
        BallotFactory(vote=vote, deputy=deputy, choice=choice)
    if count:
        recount(vote)
    return vote


def stored(vote):
    rows = Ballot.objects.filter(vote=vote).values_list("deputy__slug", "faction__name", "with_faction")
    return {slug: (faction, agrees) for slug, faction, agrees in rows}


def test_the_majority_is_the_most_frequent_present_choice_of_the_faction():
    ballots = [(1, FOR), (1, FOR), (1, AGAINST), (1, ABSENT), (2, FOR), (2, AGAINST), (None, FOR)]
    assert with_faction(ballots) == [True, True, False, None, None, None, None]


def test_recount_stores_each_ballots_faction_and_agreement(council, convocation):
    boiko, melnyk, zhuk, koval = (council[k] for k in ("boiko", "melnyk", "zhuk", "koval"))
    stray = BallotFactory.build(deputy=None, recorded_name="Невідомий І.І.", choice=FOR)
    vote = cast(convocation, at(2024, 3, 1), {boiko: FOR, melnyk: FOR, zhuk: AGAINST, koval: ABSENT})
    stray.vote = vote
    stray.save()
    recount(vote)
    assert stored(vote) == {
        "boiko": ("Зелена", True),
        "melnyk": ("Зелена", True),
        "zhuk": ("Зелена", False),
        "koval": ("Синя", None),  # absent
        None: (None, None),  # a name not matched to a deputy: no faction
    }


def test_a_tie_in_the_faction_gives_no_agreement(council, convocation):
    boiko, melnyk, zhuk = (council[k] for k in ("boiko", "melnyk", "zhuk"))
    vote = cast(convocation, at(2024, 3, 1), {boiko: FOR, melnyk: AGAINST, zhuk: ABSENT})
    assert stored(vote)["boiko"] == ("Зелена", None)


def test_the_faction_is_the_one_on_the_day_in_kyiv(council, convocation):
    koval = council["koval"]
    koval.memberships.update(end_date=datetime.date(2024, 5, 31))
    MembershipFactory(deputy=koval, convocation=convocation, faction=council["green"], start_date=JUNE)
    late = at(2024, 5, 31, 22)  # 1 June, 01:00 in Kyiv
    vote = cast(convocation, late, {koval: FOR, council["boiko"]: FOR, council["melnyk"]: AGAINST})
    assert stored(vote)["koval"] == ("Зелена", True)


def test_recount_queries_do_not_grow_with_ballots(convocation):
    party = PartyOrganizationFactory()

    def queries(size):
        deputies = [MembershipFactory(convocation=convocation, faction=party).deputy for _ in range(size)]
        vote = cast(convocation, at(2024, 3, 1), dict.fromkeys(deputies, FOR), count=False)
        vote = Vote.objects.select_related("agenda_item__meeting").get(pk=vote.pk)
        with CaptureQueriesContext(connection) as captured:
            recount(vote)
        return len(captured)

    assert queries(3) == queries(30)


def test_the_command_recounts_every_vote_in_batches(council, convocation, capsys):
    boiko, melnyk, zhuk = (council[k] for k in ("boiko", "melnyk", "zhuk"))
    votes = [
        cast(convocation, at(2024, 3, n), {boiko: FOR, melnyk: FOR, zhuk: AGAINST}, count=False)
        for n in range(1, 4)
    ]
    other = ConvocationFactory(number=9, start_date=datetime.date(2025, 12, 1))
    call_command("recount_votes", "--convocation", "9")
    assert stored(votes[0])["boiko"] == (None, None)  # another convocation's votes: untouched
    assert other.number == 9
    call_command("recount_votes", "--batch-size", "2")
    assert all(stored(vote)["boiko"] == ("Зелена", True) for vote in votes)
    assert Vote.objects.filter(for_count=2, against_count=1).count() == 3
    out = capsys.readouterr().out
    assert "2 з 3" in out and "3 з 3" in out


def test_the_command_names_an_unknown_convocation():
    with pytest.raises(CommandError, match="Скликання 42"):
        call_command("recount_votes", "--convocation", "42")


def test_the_data_migration_fills_in_the_recorded_ballots(council, convocation):
    boiko, melnyk, zhuk = (council[k] for k in ("boiko", "melnyk", "zhuk"))
    vote = cast(convocation, at(2024, 3, 1), {boiko: FOR, melnyk: FOR, zhuk: AGAINST}, count=False)
    migration = importlib.import_module("council.migrations.0005_ballot_faction")
    migration.fill(apps, None)
    migration.fill(apps, None)  # re-runnable
    assert stored(vote)["zhuk"] == ("Зелена", False)


def deputy_form(deputy, memberships):
    return {
        "full_name": deputy.full_name,
        "slug": deputy.slug,
        "status": "acting",
        "mandate_ended_on": "",
        "mandate_end_reason": "",
        **formset("memberships", memberships),
        **formset("commission_seats", []),
    }


def test_a_faction_switch_saved_in_the_admin_changes_the_record(editor_client, council, convocation):
    """Koval's move to the green faction from 1 June is entered after the votes were counted."""
    boiko, melnyk, koval = council["boiko"], council["melnyk"], council["koval"]
    spring = cast(convocation, at(2024, 3, 1), {koval: FOR, boiko: AGAINST, melnyk: AGAINST})
    summer = cast(convocation, at(2024, 7, 1), {koval: FOR, boiko: AGAINST, melnyk: AGAINST})
    assert (record.with_faction(koval).agreed, record.with_faction(koval).counted) == (2, 2)
    old = koval.memberships.get()
    data = deputy_form(
        koval,
        [
            {"id": old.pk, "convocation": convocation.pk, "faction": council["blue"].pk,
             "start_date": old.start_date.isoformat(), "end_date": "2024-05-31"},
            {"id": "", "convocation": convocation.pk, "faction": council["green"].pk,
             "start_date": "2024-06-01", "end_date": ""},
        ],
    )  # fmt: skip
    data["memberships-INITIAL_FORMS"] = "1"
    response = editor_client.post(reverse("council_deputies:edit", args=[koval.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert koval.memberships.count() == 2
    assert stored(summer)["koval"] == ("Зелена", False)  # green's majority was «against»
    assert stored(spring)["koval"] == ("Синя", True)
    assert (record.with_faction(koval).agreed, record.with_faction(koval).counted) == (1, 2)


def test_only_the_days_whose_faction_changed_are_recounted():
    start, may, june = datetime.date(2020, 12, 1), datetime.date(2024, 5, 31), JUNE
    before = {(1, 10, start, None)}
    switch = {(1, 10, start, may), (1, 11, june, None)}
    assert changed_periods(before, switch) == [(1, june, None)]
    assert changed_periods(before, before) == []
    ended = {(1, 10, start, may)}  # the mandate ended on 31 May
    assert changed_periods(before, ended) == [(1, june, None)]
    moved = {(1, 10, datetime.date(2021, 1, 1), None)}  # the start corrected a month later
    assert changed_periods(before, moved) == [(1, start, datetime.date(2020, 12, 31))]
    assert changed_periods(set(), {(2, None, june, None)}) == [(2, june, None)]  # no faction, a mandate


def test_an_edit_that_changes_no_membership_recounts_nothing(editor_client, council, convocation):
    koval = council["koval"]
    vote = cast(convocation, at(2024, 3, 1), {koval: FOR, council["boiko"]: FOR})
    Ballot.objects.filter(vote=vote).update(with_faction=None)  # as if stale: a recount would fix it
    old = koval.memberships.get()
    data = deputy_form(
        koval,
        [{"id": old.pk, "convocation": convocation.pk, "faction": council["blue"].pk,
          "start_date": old.start_date.isoformat(), "end_date": ""}],
    )  # fmt: skip
    data["memberships-INITIAL_FORMS"] = "1"
    data["phone"] = "+380 4631 2 34 56"
    response = editor_client.post(reverse("council_deputies:edit", args=[koval.pk]), data)
    assert response.status_code == 302
    assert stored(vote)["koval"] == ("Синя", None)
