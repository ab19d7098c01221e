"""``manage.py link_deputies`` matches roll-call names to deputies, reports in Ukrainian what it could not."""

import io

import pytest
from django.core.management import call_command

from council.models import Deputy
from council.services import link_deputies
from pages import models as m
from tests import factories as f

from .factories import DeputyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def roll_call(home_page):
    index = f.ActIndexPageFactory(parent=home_page)
    names = [
        "Бойко О. М.",
        "бойко о.м.",
        "Мельник Ірина Степанівна",
        "Дем’яненко Олена Петрівна",
        "Жук А.",
        "Лисенко Ю.А.",
    ]
    return f.ActPageFactory(parent=index, votes=[m.ActVote(deputy=name, vote=m.Vote.FOR) for name in names])


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


def test_shared_initials_are_reported_as_ambiguous(roll_call):
    DeputyFactory(full_name="Жук Андрій Олексійович")
    DeputyFactory(full_name="Жук Анна Петрівна")
    out = run()
    assert "Неоднозначно: «Жук А.» — можливі депутати: Жук Андрій Олексійович; Жук Анна Петрівна" in out


def test_the_command_reports_unmatched_names_and_creates_nobody_by_default(roll_call):
    out = run()
    assert "Не знайдено депутата: «Мельник Ірина Степанівна»" in out
    assert "--create-missing" in out and "0 створено" in out
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


def test_a_deputy_created_from_a_full_name_takes_its_initials_too(home_page):
    index = f.ActIndexPageFactory(parent=home_page)
    votes = [
        m.ActVote(deputy=name, vote=m.Vote.FOR) for name in ["Бойко Олександр Миколайович", "Бойко О.М."]
    ]
    f.ActPageFactory(parent=index, votes=votes)
    report = link_deputies(create_missing=True)
    assert len(report.created) == 1 and set(report.matched) == {"Бойко Олександр Миколайович", "Бойко О.М."}


def test_a_second_deputy_of_the_same_name_gets_its_own_slug(roll_call):
    DeputyFactory(full_name="Інший", slug="melnyk-iryna-stepanivna")
    link_deputies(create_missing=True)
    assert Deputy.objects.get(full_name__startswith="Мельник").slug == "melnyk-iryna-stepanivna-2"
