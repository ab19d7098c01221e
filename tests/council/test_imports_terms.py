"""A deputy's name in the voting system's file is read among the deputies sitting on the session's day:
a successor with the predecessor's initials is found, and a former deputy's ballot is refused, since the
composition that decides the result is counted on that day."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from council.kinds import BallotChoice
from council.models import Ballot, Vote
from tests.registry.factories import PartyOrganizationFactory

from .factories import DeputyFactory, MembershipFactory
from .test_imports import BUDGET, csv_file, run

pytestmark = pytest.mark.django_db


@pytest.fixture
def council(convocation):
    """Олена Бойко sat until 15.01.2024; Оксана Бойко (the same initials) took her seat on 01.02.2024."""
    faction = PartyOrganizationFactory(name="Фракція")
    olena = DeputyFactory(full_name="Бойко Олена Миколаївна", slug="olena")
    oksana = DeputyFactory(full_name="Бойко Оксана Миколаївна", slug="oksana")
    melnyk = DeputyFactory(full_name="Мельник Ірина Степанівна", slug="melnyk")
    MembershipFactory(
        deputy=olena, convocation=convocation, faction=faction, end_date=datetime.date(2024, 1, 15)
    )
    MembershipFactory(
        deputy=oksana, convocation=convocation, faction=faction, start_date=datetime.date(2024, 2, 1)
    )
    MembershipFactory(deputy=melnyk, convocation=convocation, faction=faction)
    return {"olena": olena, "oksana": oksana, "melnyk": melnyk}


def rows(day, boiko="БОЙКО О. М."):
    return [
        ["42", day, "1", BUDGET, "в цілому", boiko, "За", "10:05"],
        ["42", day, "1", BUDGET, "в цілому", "Мельник І.С.", "за", "10:05"],
    ]


def test_initials_are_read_among_the_deputies_sitting_that_day(tmp_path, council):
    run(csv_file(tmp_path, rows("12.03.2025")))
    vote = Vote.objects.get()
    assert sorted(vote.ballots.values_list("deputy__slug", "choice")) == [
        ("melnyk", BallotChoice.FOR),
        ("oksana", BallotChoice.FOR),
    ]
    # Two deputies and the mayor sat that day: 2 «for» of 3 is a majority, with a quorum.
    assert (vote.for_count, vote.composition, vote.quorum, vote.adopted) == (2, 3, True, True)


def test_before_the_change_the_same_initials_are_the_predecessor(tmp_path, council):
    run(csv_file(tmp_path, [["41", *row[1:]] for row in rows("10.01.2024")]))
    assert Ballot.objects.get(deputy__slug__startswith="o").deputy == council["olena"]


def test_a_former_deputy_s_ballot_is_refused_naming_the_mandate(tmp_path, council):
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_votes", str(csv_file(tmp_path, rows("12.03.2025", "Бойко Олена Миколаївна"))), stderr=err
        )
    assert err.getvalue().strip() == (
        "Рядок 2 [Депутат]: Бойко Олена Миколаївна не був(ла) депутатом 8 скликання 12.03.2025 "
        "(повноваження: з 01.12.2020 по 15.01.2024): перевірте дату або ім'я."
    )
    assert not Ballot.objects.exists()
