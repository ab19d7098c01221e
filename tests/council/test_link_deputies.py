"""``manage.py link_deputies`` links the ballots to deputies by the recorded names, reports in Ukrainian what
it could not."""

import io

import pytest
from django.core.management import call_command

from council.models import Ballot, Deputy
from council.services import link_deputies

from .factories import BallotFactory, DeputyFactory, MembershipFactory, VoteFactory

pytestmark = pytest.mark.django_db


def unlinked_ballots(names, vote=None):
    vote = vote or VoteFactory()
    for name in names:
        BallotFactory(vote=vote, deputy=None, recorded_name=name)
    return vote


@pytest.fixture
def roll_call(db):
    names = [
        "Бойко О. М.",
        "бойко о.м.",
        "Мельник Ірина Степанівна",
        "Дем’яненко Олена Петрівна",
        "Жук А.",
        "Лисенко Ю.А.",
    ]
    return unlinked_ballots(names)


def run(*args):
    out = io.StringIO()
    call_command("link_deputies", *args, stdout=out)
    return out.getvalue()


def test_names_are_matched_by_initials_and_apostrophes(roll_call):
    boiko = DeputyFactory(full_name="Бойко Олександр Миколайович")
    demianenko = DeputyFactory(full_name="Дем'яненко Олена Петрівна")
    report = link_deputies()
    assert report.matched == {
        "Бойко О. М.": boiko,
        "бойко о.м.": boiko,
        "Дем’яненко Олена Петрівна": demianenko,
    }
    assert sorted(report.unmatched) == ["Жук А.", "Лисенко Ю.А.", "Мельник Ірина Степанівна"]


def test_matched_ballots_get_their_deputy_and_keep_the_recorded_name(roll_call):
    boiko = DeputyFactory(full_name="Бойко Олександр Миколайович")
    other_vote = unlinked_ballots(["Бойко О. М."])
    report = link_deputies()
    assert report.linked == 2 and report.recounted == 2
    assert set(Ballot.objects.filter(deputy=boiko).values_list("vote", "recorded_name")) == {
        (roll_call.pk, "Бойко О. М."),
        (other_vote.pk, "Бойко О. М."),
    }
    # «бойко о.м.» is the same deputy in the same vote: a deputy votes once, the second stays unlinked.
    assert Ballot.objects.get(vote=roll_call, recorded_name="бойко о.м.").deputy is None


def test_linked_ballots_are_not_read_again(roll_call):
    DeputyFactory(full_name="Мельник Ірина Степанівна")
    assert link_deputies().linked == 1
    report = link_deputies()
    assert report.linked == 0 and "Мельник Ірина Степанівна" not in report.matched


def test_the_touched_votes_are_recounted(db):
    deputy = DeputyFactory(full_name="Бойко Олександр Миколайович")
    membership = MembershipFactory(deputy=deputy)
    vote = VoteFactory(agenda_item__meeting__convocation=membership.convocation)
    unlinked_ballots(["Бойко О.М."], vote=vote)
    assert (vote.for_count, vote.composition) == (0, None)  # never counted
    run()
    vote.refresh_from_db()
    assert (vote.for_count, vote.composition, vote.quorum, vote.adopted) == (1, 2, False, False)


def test_shared_initials_are_reported_as_ambiguous(roll_call):
    DeputyFactory(full_name="Жук Андрій Олексійович")
    DeputyFactory(full_name="Жук Анна Петрівна")
    out = run()
    assert "Неоднозначно: «Жук А.» — можливі депутати: Жук Андрій Олексійович; Жук Анна Петрівна" in out


def test_the_command_reports_unmatched_names_and_creates_nobody_by_default(roll_call):
    out = run()
    assert "Не знайдено депутата: «Мельник Ірина Степанівна»" in out
    assert "--create-missing" in out and "0 створено" in out
    assert "Прив'язано голосів до депутатів: 0" in out
    assert not Deputy.objects.exists()


def test_create_missing_creates_deputies_for_full_names_only_once(roll_call):
    out = run("--create-missing")
    assert sorted(Deputy.objects.values_list("full_name", flat=True)) == [
        "Дем’яненко Олена Петрівна",
        "Мельник Ірина Степанівна",
    ]
    assert "Створено депутата: Мельник Ірина Степанівна" in out
    assert "Не знайдено депутата: «Жук А.»" in out
    assert Deputy.objects.get(full_name__startswith="Мельник").slug == "melnyk-iryna-stepanivna"
    run("--create-missing")
    assert Deputy.objects.count() == 2


def test_a_deputy_created_from_a_full_name_takes_its_initials_too(db):
    unlinked_ballots(["Бойко Олександр Миколайович"])
    unlinked_ballots(["Бойко О.М."])
    report = link_deputies(create_missing=True)
    assert len(report.created) == 1 and set(report.matched) == {"Бойко Олександр Миколайович", "Бойко О.М."}


def test_a_second_deputy_of_the_same_name_gets_its_own_slug(roll_call):
    DeputyFactory(full_name="Інший", slug="melnyk-iryna-stepanivna")
    link_deputies(create_missing=True)
    assert Deputy.objects.get(full_name__startswith="Мельник").slug == "melnyk-iryna-stepanivna-2"
