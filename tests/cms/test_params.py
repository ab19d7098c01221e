"""Query-string parameters: every odd value becomes a BadParameter that names the parameter."""

import datetime

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from cms import params
from cms.pagination import paginate


@pytest.mark.parametrize("raw", ["²", "٣", "１２", "12a", "-1", "1e3", "1" * 40])
def test_integer_refuses_what_is_not_ascii_digits(raw):
    with pytest.raises(params.BadParameter) as error:
        params.integer(raw, name="year")
    assert error.value.name == "year"


def test_integer_reads_ascii_digits_within_bounds():
    assert params.integer(" 42 ", name="n", minimum=1, maximum=100) == 42
    assert params.integer("", name="n") is None
    with pytest.raises(params.BadParameter):
        params.integer("101", name="n", maximum=100)


@pytest.mark.parametrize("raw", ["a\x00b", "\x1b[31m", "x" * 201])
def test_text_refuses_control_characters_and_overlong_values(raw):
    with pytest.raises(params.BadParameter):
        params.text(raw, name="tag")


def test_text_keeps_ukrainian_and_punctuation():
    assert params.text("  рішення № 4-49/2018 «про»  ", name="q") == "рішення № 4-49/2018 «про»"


@pytest.mark.parametrize("raw", ["9999", "1899", "1" * 10000, "２０１８"])
def test_year_outside_the_sites_years_is_refused(raw):
    with pytest.raises(params.BadParameter):
        params.year(raw)


@pytest.mark.parametrize("raw", ["9999-12", "2018-13", "2018-1", "２０１８-11", "2018-11-01"])
def test_month_outside_the_calendar_is_refused(raw):
    with pytest.raises(params.BadParameter):
        params.month(raw)


def test_month_gives_the_first_day():
    assert params.month("2018-11") == datetime.date(2018, 11, 1)


def test_choice_accepts_only_its_values():
    choices = [("decision", "Рішення"), ("order", "Розпорядження")]
    assert params.choice("order", name="type", choices=choices) == "order"
    with pytest.raises(params.BadParameter):
        params.choice("Order", name="type", choices=choices)


def test_messages_are_in_ukrainian():
    with translation.override("uk"), pytest.raises(params.BadParameter) as error:
        params.year("²")
    assert str(error.value) == "«²» не є роком."


@given(st.text(max_size=300))
def test_no_string_escapes_as_anything_but_a_value_or_bad_parameter(raw):
    for parse in (params.year, params.month, lambda r: params.integer(r, name="n")):
        try:
            parse(raw)
        except params.BadParameter:
            pass


@pytest.mark.parametrize(
    "raw,number,told",
    [("", 1, False), ("2", 2, False), ("0", 1, True), ("99", 5, True), ("9" * 30, 5, True), ("²", 1, True)],
)
def test_paginate_clamps_and_tells(raw, number, told):
    messages = []
    page = paginate(list(range(100)), raw, messages, per_page=20)
    assert page.number == number
    assert bool(messages) is told


@pytest.mark.parametrize("raw", ["-1", "+3", "1" * 20])
def test_a_signed_or_overlong_number_is_out_of_range_not_not_a_number(raw):
    with translation.override("uk"), pytest.raises(params.BadParameter) as error:
        params.integer(raw, name="faction")
    assert str(error.value) == f"Значення {raw} поза допустимими межами параметра «faction»."


def test_a_notice_never_quotes_a_control_character():
    messages = []
    with translation.override("uk"):
        paginate(list(range(100)), "\x00\x1b1" + "x" * 40, messages, per_page=20)
    [message] = messages
    assert "\x00" not in message and "\x1b" not in message and "…" in message
