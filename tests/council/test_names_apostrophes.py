"""Names whose apostrophe a voting system dropped («Демяненко») or wrote as a double quote («Дем"яненко»)."""

import pytest

from council.models import Ballot
from council.names import match_name

from .test_imports import BUDGET, csv_file, deputies, run  # noqa: F401 (a fixture)

CANDIDATES = [
    ("Дем'яненко Олег Петрович", "oleh"),
    ("Бойко Олена Миколаївна", "olena"),
    ("Мар'янчук Ірина Степанівна", "iryna"),
    ("Марянчук Іван Петрович", "ivan"),
]


@pytest.mark.parametrize(
    ("name", "found"),
    [
        ("Демяненко О.П.", "oleh"),
        ('Дем"яненко О.П.', "oleh"),
        ("Дем“яненко О. П.", "oleh"),
        ("ДЕМЯНЕНКО ОЛЕГ ПЕТРОВИЧ", "oleh"),
        ("Марянчук І.С.", "iryna"),  # only the apostrophe-less reading fits
        ("Марянчук І.", "ivan"),  # the name as written wins over the reading without the apostrophe
    ],
)
def test_a_name_without_its_apostrophe_is_found(name, found):
    assert match_name(name, CANDIDATES) == (found, [])


def test_without_the_apostrophe_two_fitting_deputies_are_still_an_ambiguity():
    candidates = [("Дем'яненко Олег Петрович", "oleh"), ("Демʼяненко Ольга Петрівна", "olha")]
    assert match_name("Демяненко О.П.", candidates) == (None, ["oleh", "olha"])
    assert match_name("Демяненко В.П.", candidates) == (None, [])


@pytest.mark.django_db
def test_an_import_finds_the_deputy_without_the_apostrophe(tmp_path, deputies):  # noqa: F811
    rows = [["42", "12.03.2025", "1", BUDGET, "в цілому", "Демяненко О.П.", "Відсутня", "10:05"]]
    run(csv_file(tmp_path, rows))
    assert Ballot.objects.get().deputy == deputies["demianenko"]
