"""A membership saved or deleted through the model layer (the ORM, a shell, an import) recounts the votes
it affects: the stored tallies and each ballot's faction and agreement follow without ``recount_votes``."""

import datetime
import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from council import record, recounting
from council.kinds import BallotChoice
from council.models import Ballot, Deputy, Membership, Vote
from council.recounting import merged, recount_once
from council.tally import recount
from tests.registry.factories import PartyOrganizationFactory

from .factories import BallotFactory, DeputyFactory, MeetingFactory, MembershipFactory, VoteFactory

pytestmark = pytest.mark.django_db

FOR, AGAINST, ABSENT = BallotChoice.FOR, BallotChoice.AGAINST, BallotChoice.ABSENT
MAY_31, JUNE = datetime.date(2024, 5, 31), datetime.date(2024, 6, 1)


def at(month, day):
    return datetime.datetime(2024, month, day, 10, tzinfo=datetime.UTC)


@pytest.fixture
def council(convocation):
    """Boiko, Melnyk, Zhuk in the green faction; Koval in the blue one; no vote counted yet."""
    green, blue = PartyOrganizationFactory(name="Зелена"), PartyOrganizationFactory(name="Синя")
    people = {slug: DeputyFactory(slug=slug) for slug in ("boiko", "melnyk", "zhuk", "koval")}
    for slug in ("boiko", "melnyk", "zhuk"):
        MembershipFactory(deputy=people[slug], convocation=convocation, faction=green)
    MembershipFactory(deputy=people["koval"], convocation=convocation, faction=blue)
    return {"green": green, "blue": blue, **people}


def cast(convocation, when, ballots):
    vote = VoteFactory(agenda_item__meeting=MeetingFactory(convocation=convocation, starts_at=when))
    for deputy, choice in ballots.items():
        BallotFactory(vote=vote, deputy=deputy, choice=choice)
    recount(vote)
    return vote


def stored(vote):
    rows = Ballot.objects.filter(vote=vote).values_list("deputy__slug", "faction__name", "with_faction")
    return {slug: (faction, agrees) for slug, faction, agrees in rows}


def composition(vote):
    return Vote.objects.get(pk=vote.pk).composition


def test_a_faction_switch_saved_through_the_orm_changes_the_stored_agreement(council, convocation):
    boiko, melnyk, koval = council["boiko"], council["melnyk"], council["koval"]
    spring = cast(convocation, at(3, 1), {koval: FOR, boiko: AGAINST, melnyk: AGAINST})
    summer = cast(convocation, at(7, 1), {koval: FOR, boiko: AGAINST, melnyk: AGAINST})
    blue = koval.memberships.get()
    blue.end_date = MAY_31
    blue.save()
    Membership.objects.create(
        deputy=koval, convocation=convocation, faction=council["green"], start_date=JUNE
    )
    assert stored(spring)["koval"] == ("Синя", True)
    assert stored(summer)["koval"] == ("Зелена", False)  # green's majority was «against»
    assert (record.with_faction(koval).agreed, record.with_faction(koval).counted) == (1, 2)
    assert composition(summer) == composition(spring) == 5  # four deputies and the mayor


def test_a_mandate_ended_and_a_successor_sworn_in_change_the_composition(council, convocation):
    boiko, melnyk, zhuk = council["boiko"], council["melnyk"], council["zhuk"]
    spring = cast(convocation, at(3, 1), {boiko: FOR, melnyk: FOR, zhuk: FOR})
    summer = cast(convocation, at(7, 1), {boiko: FOR, melnyk: FOR})
    ended = zhuk.memberships.get()
    ended.end_date = MAY_31
    ended.save()
    assert (composition(spring), composition(summer)) == (5, 4)
    successor = MembershipFactory(convocation=convocation, faction=council["green"], start_date=JUNE)
    assert (composition(spring), composition(summer)) == (5, 5)
    successor.delete()
    assert composition(summer) == 4


def test_a_membership_given_to_another_deputy_recounts_for_both(council, convocation):
    boiko, melnyk, zhuk, koval = (council[k] for k in ("boiko", "melnyk", "zhuk", "koval"))
    vote = cast(convocation, at(3, 1), {boiko: FOR, melnyk: FOR, zhuk: AGAINST, koval: FOR})
    assert stored(vote)["koval"] == ("Синя", True)
    membership = zhuk.memberships.get()  # entered under the wrong deputy: it was Koval's
    koval.memberships.get().delete()
    membership.deputy = koval
    membership.save()
    assert stored(vote)["koval"] == ("Зелена", True)
    assert stored(vote)["zhuk"] == (None, None)
    assert composition(vote) == 4


def test_a_deputy_deleted_with_the_memberships_leaves_the_composition(council, convocation):
    vote = cast(convocation, at(3, 1), {council["boiko"]: FOR, council["melnyk"]: FOR})
    DeputyFactory(slug="never-voted").memberships.create(convocation=convocation, start_date=JUNE)
    newcomer = MembershipFactory(convocation=convocation, faction=None).deputy
    assert composition(vote) == 6
    Deputy.objects.filter(pk=newcomer.pk).delete()
    assert composition(vote) == 5


def test_only_the_votes_of_the_changed_days_are_read(council, convocation):
    koval = council["koval"]
    cast(convocation, at(3, 1), {koval: FOR})
    summer = cast(convocation, at(7, 1), {koval: FOR})
    Vote.objects.filter(pk=summer.pk).update(composition=99)  # stale on purpose: a recount fixes it
    membership = koval.memberships.get()
    membership.start_date = datetime.date(2021, 1, 1)  # the start corrected a month later
    with CaptureQueriesContext(connection) as captured:
        membership.save()
    assert composition(summer) == 99  # July was not in the changed period, so not recounted
    assert not any("UPDATE" in query["sql"] and "council_vote" in query["sql"] for query in captured)


def test_a_save_that_changes_nothing_recounts_nothing(council, convocation):
    vote = cast(convocation, at(3, 1), {council["koval"]: FOR})
    Vote.objects.filter(pk=vote.pk).update(composition=99)
    council["koval"].memberships.get().save()
    assert composition(vote) == 99


def test_the_queries_of_a_save_do_not_grow_with_the_votes(council, convocation):
    koval = council["koval"]

    def queries(votes):
        for day in range(1, votes + 1):
            cast(convocation, at(7, day), {koval: FOR, council["boiko"]: AGAINST})
        membership = koval.memberships.order_by("-start_date").first()
        membership.end_date = MAY_31
        with CaptureQueriesContext(connection) as captured:
            membership.save()
            Membership.objects.create(
                deputy=koval, convocation=convocation, faction=council["green"], start_date=JUNE
            )
        assert (
            Ballot.objects.filter(deputy=koval, vote__agenda_item__meeting__starts_at__gte=at(6, 1))
            .filter(faction=council["green"])
            .count()
            == Vote.objects.filter(agenda_item__meeting__starts_at__gte=at(6, 1)).count()
        )
        # Undo, for the next size: back to one blue membership.
        Membership.objects.filter(deputy=koval, start_date=JUNE).delete()
        membership.end_date = None
        membership.save()
        return len(captured)

    assert queries(2) == queries(20)


def test_inside_recount_once_the_votes_are_recounted_once(council, convocation, monkeypatch):
    koval = council["koval"]
    summer = cast(convocation, at(7, 1), {koval: FOR, council["boiko"]: AGAINST, council["melnyk"]: AGAINST})
    calls = []
    recount_votes = recounting.recount_votes
    monkeypatch.setattr(recounting, "recount_votes", lambda votes: calls.append(1) or recount_votes(votes))
    with recount_once():
        blue = koval.memberships.get()
        blue.end_date = MAY_31
        blue.save()
        with recount_once():  # a nested one joins the outer one
            Membership.objects.create(
                deputy=koval, convocation=convocation, faction=council["green"], start_date=JUNE
            )
        assert stored(summer)["koval"] == ("Синя", True)  # not yet
    assert stored(summer)["koval"] == ("Зелена", False)
    assert len(calls) == 1


def test_recount_once_with_no_net_change_recounts_nothing(council, convocation, monkeypatch):
    koval = council["koval"]
    cast(convocation, at(7, 1), {koval: FOR})
    calls = []
    monkeypatch.setattr(recounting, "recount_votes", lambda votes: calls.append(1) or 0)
    with recount_once():
        blue = koval.memberships.get()
        blue.end_date = MAY_31
        blue.save()
        Membership.objects.create(
            deputy=koval, convocation=convocation, faction=council["blue"], start_date=JUNE
        )
    assert calls == []  # the same faction every day: nothing to recount


def test_a_failure_inside_recount_once_rolls_back_and_leaves_no_pending_state(council, convocation):
    koval = council["koval"]
    summer = cast(convocation, at(7, 1), {koval: FOR, council["boiko"]: AGAINST, council["melnyk"]: AGAINST})
    with pytest.raises(RuntimeError), recount_once():
        Membership.objects.filter(deputy=koval).get().delete()
        raise RuntimeError
    assert koval.memberships.count() == 1
    koval.memberships.get().delete()  # outside: recounted at once
    assert stored(summer)["koval"] == (None, None)
    assert composition(summer) == 4


def test_loaddata_leaves_the_stored_tallies_as_the_fixture_has_them(council, convocation, tmp_path):
    vote = cast(convocation, at(3, 1), {council["boiko"]: FOR})
    fixture = tmp_path / "memberships.json"
    fields = {"deputy": DeputyFactory().pk, "convocation": convocation.pk, "faction": None}
    rows = [
        {"model": "council.membership", "fields": fields | {"start_date": "2020-12-01", "end_date": None}}
    ]
    fixture.write_text(json.dumps(rows), encoding="utf-8")
    call_command("loaddata", str(fixture), verbosity=0)
    assert Membership.objects.filter(deputy=fields["deputy"]).exists()
    assert composition(vote) == 5  # unchanged: a raw save recounts nothing


def test_adjacent_and_overlapping_periods_are_merged():
    d = datetime.date
    periods = [
        (1, d(2024, 6, 1), d(2024, 6, 30)),
        (1, d(2024, 7, 1), None),
        (1, d(2024, 1, 1), d(2024, 2, 1)),
    ]
    assert merged(periods + [(2, d(2024, 1, 1), None)]) == [
        (1, d(2024, 1, 1), d(2024, 2, 1)),
        (1, d(2024, 6, 1), None),
        (2, d(2024, 1, 1), None),
    ]
    assert merged([(1, d(2024, 1, 1), d(2024, 3, 1)), (1, d(2024, 2, 1), d(2024, 2, 10))]) == [
        (1, d(2024, 1, 1), d(2024, 3, 1))
    ]
