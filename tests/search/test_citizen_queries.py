"""Queries as citizens type them on a phone: look-alike letters, abbreviations of addresses,
apostrophes, capitals, numbers and dates written their own way."""

import datetime

import pytest

from cms import analysis


def result_ids(response):
    return [r["page"].pk for r in response.context["results"]]


def suggested(response):
    return [s["title"] for s in response.json()["suggestions"]]


def test_suggestions_read_a_latin_look_alike_as_the_cyrillic_letter(suggest, make_act):
    make_act(title="Рішення про тарифи на воду")
    make_act(title="Про рішення сесії")  # newer, but its title does not start with the query
    # «Рiшення» typed with a Latin «i», as a phone keyboard set to English gives it.
    assert suggested(suggest("Рiшення")) == ["Рішення про тарифи на воду", "Про рішення сесії"]
    # A Latin «o» and «i»: the title that starts so comes first.
    assert suggested(suggest("прo рiш")) == ["Про рішення сесії", "Рішення про тарифи на воду"]


def test_query_and_suggestions_share_one_reading_of_the_words():
    assert analysis.search_words("Рiшення «Прo» об’єкт") == ["рішення", "про", "об'єкт"]
    assert analysis.lemmas("щодo рiшення") == ["рішення"]  # a stop-word with a Latin «o» is a stop-word


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("вул. Шевченка, 15", "вулиця Шевченка"),
        ("вулиця Шевченка, 15", "вул. Шевченка"),
        ("вулиці Шевченка, 15", "вул Шевченка"),
        ("вул. Шевченка, 15", "вул Шевченка"),
        ("просп. Миру", "проспект Миру"),
        ("проспекту Миру", "просп. Миру"),
        ("пл. Івана Франка", "площа Франка"),
        ("площі Івана Франка", "пл. Франка"),
        ("пров. Лісний", "провулок Лісний"),
        ("провулку Лісному", "пров Лісний"),
        ("бульв. Леся Українки", "бульвар Лесі Українки"),
        ("м. Ніжин", "місто Ніжин"),
        ("місто Ніжин", "м. Ніжин"),
        ("м. Ніжин", "м ніжин"),
    ],
)
def test_an_abbreviated_address_and_the_full_one_find_each_other(search, make_act, written, typed):
    act = make_act(title="Про надання дозволу", body=f"<p>Земельна ділянка за адресою: {written}.</p>")
    make_act(title="Про нагородження", body="<p>Нагородити Шевченка Миру Франка Лісного Українки Ніжин.</p>")
    response = search(typed)
    assert result_ids(response) == [act.pk]
    assert response.context["partial"] is False  # not merely a page holding some of the words


def test_the_full_word_of_an_abbreviation_is_marked_in_the_snippet(search, make_act):
    make_act(title="Про надання дозволу", body="<p>Земельна ділянка за адресою: вул. Шевченка, 15.</p>")
    snippet = str(search("вулиця Шевченка").context["results"][0]["snippet"])
    assert "<mark>вул</mark>. <mark>Шевченка</mark>" in snippet


def test_a_metre_is_not_a_city(search, make_act):
    make_act(title="Про оренду", body="<p>Площа 100 кв. м. Строк оренди — 5 років.</p>")
    assert result_ids(search("місто")) == []


@pytest.mark.parametrize("typed", ["12.03.2026", "12.3.2026", "12 березня 2026", "рішення від 12.03.2026 р."])
def test_a_date_finds_the_act_of_that_day_however_it_is_written(search, make_act, typed):
    act = make_act(title="Про тарифи на воду", date=datetime.date(2026, 3, 12))
    make_act(title="Про тарифи на тепло", date=datetime.date(2026, 3, 13), number="12/2026")
    make_act(
        title="Про бюджет", date=datetime.date(2026, 12, 3), body="<p>Додаток 12 до рішення 2026 року.</p>"
    )
    response = search(typed)
    assert result_ids(response) == [act.pk]
    assert response.context["partial"] is False


@pytest.mark.parametrize(
    ("written", "typed"), [("12.03.2026", "12 березня 2026"), ("12 березня 2026 року", "12.3.2026")]
)
def test_a_date_in_the_text_is_found_in_the_other_way_of_writing_it(search, make_act, written, typed):
    act = make_act(
        title="Про оренду", date=datetime.date(2026, 4, 1), body=f"<p>Договір від {written} продовжити.</p>"
    )
    make_act(
        title="Про інше", date=datetime.date(2026, 4, 1), body="<p>Договір від 12.04.2026 продовжити.</p>"
    )
    assert result_ids(search(f"договір {typed}")) == [act.pk]


@pytest.mark.parametrize("typed", ["№ 12 - 45", "12 - 45", "N 12 -45", "12 – 45"])
def test_a_number_typed_with_spaces_around_its_dash_is_that_number(search, make_act, typed):
    act = make_act(title="Про тарифи", number="12-45")
    make_act(title="Про ордери", number="45/12")
    make_act(title="Про оренду", number="7", body="<p>Пункти 12 та 45 скасувати.</p>")
    assert result_ids(search(typed)) == [act.pk]


def test_a_number_written_with_spaces_in_a_text_is_one_number():
    assert "n12x45" in analysis.index_text("згідно з рішенням № 12 - 45 від")
    assert analysis.number_tokens("рішення № 5. Про бюджет") == ["n5"]  # a sentence's end is no separator


def test_an_act_is_found_by_its_adoption_date(search, make_act):
    act = make_act(
        title="Про тарифи на воду", adopted_on=datetime.date(2026, 3, 12), date=datetime.date(2026, 3, 16)
    )
    make_act(
        title="Про тарифи на тепло", adopted_on=datetime.date(2026, 3, 13), date=datetime.date(2026, 3, 16)
    )
    assert result_ids(search("тарифи 12.03.2026")) == [act.pk]
