"""Names as people write them reduce to one key; initials match a full name, never a guess."""

import pytest

from council.names import could_be, match_name, name_key, name_parts

FULL = "Бойко Олександр Миколайович"


@pytest.mark.parametrize(
    "spelling",
    ["Дем'яненко Олена", "Дем’яненко Олена", "Демʼяненко Олена", "  ДЕМ'ЯНЕНКО   олена ", "Дем`яненко Олена"],
)
def test_apostrophes_case_and_spaces_give_one_key(spelling):
    assert name_key(spelling) == "дем'яненко олена"


def test_a_latin_lookalike_letter_in_a_cyrillic_name_is_read_as_cyrillic():
    assert name_key("Iщенко Biктор") == name_key("Іщенко Віктор")


def test_a_latin_name_is_left_latin():
    assert name_parts("Smith John") == ["smith", "john"]


@pytest.mark.parametrize(
    "short", ["Бойко О.М.", "Бойко О. М.", "бойко о м", "О.М. Бойко", "Бойко Олександр М.", "Бойко"]
)
def test_surname_with_initials_could_be_the_full_name(short):
    assert could_be(short, FULL)


@pytest.mark.parametrize("short", ["Бойко О.І.", "Бойка О.М.", "Бойко Оксана", "Бойко О.М.Н.П.", ""])
def test_other_names_could_not_be_the_full_name(short):
    assert not could_be(short, FULL)


def test_match_prefers_the_exact_name_over_initials():
    candidates = [(FULL, "a"), ("Бойко Оксана Миколаївна", "b")]
    assert match_name("бойко оксана миколаївна", candidates) == ("b", [])


def test_initials_shared_by_two_deputies_are_ambiguous_not_guessed():
    candidates = [(FULL, "a"), ("Бойко Оксана Миколаївна", "b"), ("Жук Андрій Олексійович", "c")]
    assert match_name("Бойко О.М.", candidates) == (None, ["a", "b"])


def test_an_unknown_name_matches_nothing():
    assert match_name("Петренко П.П.", [(FULL, "a")]) == (None, [])
