"""The apostrophe as citizens type it: a soft sign («обьєкти»), a double quote («об"єкти»), a backtick,
a typographic sign, or nothing at all («обєкти»); each finds the page spelt right, and back."""

import re

import pytest

from cms import analysis
from search.backends import UKRAINIAN_INDEX_SETTINGS


def result_ids(response):
    return [r["page"].pk for r in response.context["results"]]


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("об'єкти", "обьєкти"),
        ("об'єкти", "обєкти"),
        ("об'єкти", "об`єкти"),
        ("об'єкти", 'об"єкти'),
        ("об'єкти", "об’єкти"),
        ("об'єкти", "обʼєкти"),
        ("об'єкти", "ОБЬЄКТИ"),
        ("об'єктів", "обьєктів"),
        ("п'ять", "пьять"),
        ("п'ятого", "пятого"),
        ("м'ясо", "мьясо"),
        ("м'ясного", "мьясного"),
        ("сім'я", "сімья"),
        ("сім'ї", "сімьї"),
        ("комп'ютер", "компьютер"),
        ("комп'ютерів", "компютерів"),
        ("комп'ютер", 'комп"ютер'),
        ("в'їзд", "вʼїзд"),
        ("в'їзду", "вьїзду"),
        ("з'їзду", "зьїзду"),
        ("подвір'я", "подвірья"),
        ("роз'яснення", "розьяснення"),
    ],
)
def test_an_apostrophe_typed_any_way_finds_the_page_spelt_right(search, make_act, written, typed):
    act = make_act(title="Про надання дозволу", body=f"<p>Перелік: {written} та інше.</p>")
    make_act(title="Про нагородження", body="<p>Перелік: бюро та інше.</p>")
    response = search(typed)
    assert result_ids(response) == [act.pk]
    assert response.context["partial"] is False


@pytest.mark.parametrize("written", ["обьєкти", 'об"єкти', "сімья", "пьять", "вьїзд"])
def test_a_page_that_types_the_apostrophe_as_a_soft_sign_is_found_by_the_right_spelling(
    search, make_act, written
):
    act = make_act(title="Про надання дозволу", body=f"<p>Перелік: {written}.</p>")
    right = {"обьєкти": "об'єкти", 'об"єкти': "об'єкти", "сімья": "сім'я", "пьять": "п'ять", "вьїзд": "в'їзд"}
    assert result_ids(search(right[written])) == [act.pk]


@pytest.mark.parametrize("word", ["сьогодні", "мальовничий", "їхньої", "бюро", "бюджет", "пюре", "Ньютон"])
def test_a_legitimate_soft_sign_or_a_word_without_apostrophe_is_found_as_written(search, make_act, word):
    act = make_act(title="Про надання дозволу", body=f"<p>Слово: {word}.</p>")
    make_act(title="Про нагородження", body="<p>Слово: об'єкт.</p>")
    assert result_ids(search(word)) == [act.pk]


@pytest.mark.parametrize("word", ["сьогодні", "мальовничий", "їхньої", "льон", "Ньютон", "Рішельє", "бюро"])
def test_a_legitimate_soft_sign_is_kept(word):
    assert analysis.search_words(word) == [word.lower()]
    assert "'" not in "".join(analysis.lemma_variants(word))


def test_a_word_without_apostrophe_the_dictionary_knows_is_not_given_one():
    assert analysis.lemma_variants("бюро") == ("бюро",)
    assert analysis.lemma_variants("бюджету") == ("бюджет",)
    assert analysis.lemma_variants("мюзикл") == ("мюзикл",)


def test_a_russian_word_keeps_its_soft_sign_for_the_russian_dictionary():
    # «семья» is read as «сем'я» for Ukrainian, but the Russian dictionary still knows the word.
    assert analysis.lemma_groups("семья")[0][0] == "семья"
    assert analysis.lemma_groups("депутаты")[0][0] == "депутат"


def test_a_double_quote_inside_a_word_is_an_apostrophe_and_quotes_around_words_are_not():
    assert analysis.search_words('об"єкти') == ["об'єкти"]
    assert analysis.search_words('"об" єкти') == ["об", "єкти"]
    assert analysis.split_phrases('об"єкти "бюджет міста"') == ("об'єкти  ", ["бюджет міста"])


def apply_mapping_char_filter(mappings, text):
    """What an Elasticsearch ``mapping`` char filter does with ``text``: at each position the longest
    key that starts there is replaced by its value (Lucene's ``MappingCharFilter``)."""
    rules = dict(rule.split("=>", 1) for rule in mappings)
    longest = max(map(len, rules))
    out, i = [], 0
    while i < len(text):
        for size in range(min(longest, len(text) - i), 0, -1):
            if text[i : i + size] in rules:
                out.append(rules[text[i : i + size]])
                i += size
                break
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


@pytest.mark.parametrize(
    "text",
    [
        "Обьєкти комунальної власності",
        'ОБ"ЄКТИ, Сімья, пьять, МЬЯСО, вьїзд, Подвірья, комп"ютер',
        "об’єкти, обʼєкти, об`єкти, об´єкти «Про бюджет»",
        "Сьогодні мальовничий їхньої Ньютон Рішельє бюро",
        'Вона сказала: "бюджет" і "ялинка"',
    ],
)
def test_the_elasticsearch_char_filter_reads_the_apostrophe_as_the_site_analysis_does(text):
    mappings = UKRAINIAN_INDEX_SETTINGS["settings"]["analysis"]["char_filter"]["uk_apostrophes"]["mappings"]
    filtered = apply_mapping_char_filter(mappings, text)
    # Elasticsearch lowers after the char filter, and its tokenizer keeps «'» inside a word.
    assert re.findall(r"[\w']+", filtered.lower()) == re.findall(r"[\w']+", analysis.search_form(text))
