import pytest

from registry.bulk import Vocabulary
from registry.models import FieldOfActivity

from .factories import FieldOfActivityFactory

pytestmark = pytest.mark.django_db


def test_the_vocabulary_matches_names_ignoring_case_and_creates_the_missing_once():
    FieldOfActivityFactory(name="Молодь")
    vocabulary = Vocabulary()

    assert vocabulary.missing(["молодь", "Спорт", "спорт"]) == ["Спорт"]
    terms = vocabulary.terms_for(["МОЛОДЬ", "Спорт", "спорт"])

    assert [term.name for term in terms] == ["Молодь", "Спорт", "Спорт"]
    assert vocabulary.created == ["Спорт"]
    assert FieldOfActivity.objects.count() == 2


def test_a_term_created_meanwhile_by_another_import_is_read_back():
    vocabulary = Vocabulary()
    vocabulary.missing([])  # the vocabulary is read now
    FieldOfActivityFactory(name="Спорт")  # another import commits the same term

    assert [term.name for term in vocabulary.terms_for(["Спорт"])] == ["Спорт"]
    assert FieldOfActivity.objects.count() == 1
