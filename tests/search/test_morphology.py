import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cms import analysis
from pages.models import ActType


@pytest.mark.parametrize(
    ("inflected", "base"),
    [
        ("рішенню", "рішення"),
        ("бюджету", "бюджет"),
        ("слухань", "слухання"),
        ("вулиці", "вулиця"),
    ],
)
def test_inflected_word_and_base_form_share_a_lemma(inflected, base):
    assert analysis.lemmas(inflected) == analysis.lemmas(base) == [base]


def test_apostrophe_variants_give_the_same_lemma():
    forms = ["об'єднаної", "об’єднаної", "обʼєднаної", "об`єднаної"]
    assert len({tuple(analysis.lemmas(form)) for form in forms}) == 1


def test_typographic_quotes_are_normalised():
    assert analysis.normalize("«Про бюджет»") == '"Про бюджет"'


def by_character(text: str) -> str:
    """``normalize`` as it is defined: every character that is not printable becomes a space."""
    text = unicodedata.normalize("NFC", text)
    return "".join(analysis.SUBSTITUTES.get(ch, ch) if ch.isprintable() else " " for ch in text)


@pytest.mark.parametrize(
    "text",
    [
        "рішення",
        "Рішення\nвиконкому\tвід 12.03.2024",
        "Про\xa0бюджет\u00adна\u200b2024\ufeff рік\r\n",
        "«Про бюджет» об’єднаної громади — 2024–2025",
        "керівник\x00\x07апарату\x1b[0m\u2028\u202e",
    ],
)
def test_normalize_turns_each_unprintable_character_into_a_space(text):
    assert analysis.normalize(text) == by_character(text)
    assert len(analysis.normalize(text)) == len(unicodedata.normalize("NFC", text))


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80))
def test_normalize_fast_paths_agree_with_the_definition(text):
    assert analysis.normalize(text) == by_character(text)


def test_stop_words_are_dropped():
    assert analysis.lemmas("про затвердження та щодо бюджету") == ["затвердження", "бюджет"]


@pytest.mark.parametrize("written", ["4-49/2018", "№ 4-49/2018", "№4–49/2018"])
def test_act_number_as_written_becomes_one_token(written):
    assert analysis.number_token(written) == "n4x49x2018"


def test_numbers_in_text_become_tokens():
    assert "n312" in analysis.number_tokens("Рішення № 312 від 06.11.2018")


def test_control_characters_are_removed_and_query_is_bounded():
    cleaned = analysis.clean_query("бюджет\x00\x1b" + "я" * 1000)
    assert "\x00" not in cleaned and len(cleaned) <= analysis.MAX_QUERY_CHARS


def test_query_terms_are_capped():
    query = " ".join(f"слово{i}" for i in range(50))
    assert len(analysis.query_terms(query)) <= analysis.MAX_QUERY_TERMS


@pytest.mark.parametrize(
    ("query", "stored"),
    [
        ("рішенню", "рішення"),
        ("бюджету", "бюджет"),
        ("слухань", "слухання"),
        ("вулиці", "вулиця"),
        ("рішення", "рішенню"),
        ("бюджет", "бюджету"),
        ("слухання", "слухань"),
        ("вулиця", "вулиці"),
    ],
)
def test_inflected_query_finds_the_page(search, make_act, query, stored):
    # Types whose names hold none of the words: only the summary can match.
    act = make_act(
        title="Розпорядження", act_type=ActType.MAYOR_ORDER, summary=f"Текст про {stored} міста Ніжина."
    )
    make_act(title="Інше", act_type=ActType.PROTOCOL, summary="Про інше питання.")
    response = search(query)
    assert response.status_code == 200
    assert [r["page"].pk for r in response.context["results"]] == [act.pk]


def test_letters_without_a_unicode_name_do_not_break_lemmatisation():
    # Found by the hypothesis test of the search view: pymorphy3 raised on a Tangut letter.
    assert analysis.lemmas("\U00017000") == ["\U00017000"]
