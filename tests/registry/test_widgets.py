import pytest

from registry.widgets import EdrpouWidget, SeatsWidget, TextWidget, without_neutralising_quote


@pytest.mark.parametrize("value", ["=1+1", "+380463123456", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_text_that_a_spreadsheet_would_run_is_exported_with_a_quote_and_read_back_without(value):
    widget = TextWidget()
    rendered = widget.render(value)
    assert rendered == "'" + value
    assert widget.clean(rendered) == value


def test_a_quote_before_ordinary_text_is_kept():
    assert without_neutralising_quote("'Квітень'") == "'Квітень'"


def test_edrpou_in_unicode_digits_is_not_padded_into_a_code():
    assert EdrpouWidget().clean("١٢٣") == "١٢٣"
    assert EdrpouWidget().clean(13480.0) == "00013480"


@pytest.mark.parametrize("value", ["два", "-1", "1.5", "1e400", "nan", "99999"])
def test_seats_must_be_a_small_whole_number(value):
    with pytest.raises(ValueError, match="цілим числом"):
        SeatsWidget().clean(value)
