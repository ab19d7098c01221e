import pytest

from registry import files


def test_windows_1251_semicolon_csv_is_detected(fixture_bytes):
    content = fixture_bytes("organizations_cp1251.csv")
    with pytest.raises(UnicodeDecodeError):
        content.decode("utf-8")

    dataset = files.read_dataset(content=content, file_format="csv")

    assert dataset.headers[:3] == ["Назва", "Скорочена назва", "Код ЄДРПОУ"]
    assert len(dataset) == 3 and dataset[1][0] == "Благодійний фонд «Ніжин — рідне місто»"


def test_encoding_and_delimiter_can_be_chosen_instead_of_detected(fixture_bytes):
    dataset = files.read_dataset(
        content=fixture_bytes("organizations_cp1251.csv"),
        file_format="csv",
        encoding="cp1251",
        delimiter="semicolon",
    )
    assert len(dataset) == 3


def test_choosing_the_wrong_encoding_is_reported(fixture_bytes):
    with pytest.raises(files.RegistryFileError, match="utf-8"):
        files.read_dataset(
            content=fixture_bytes("organizations_cp1251.csv"), file_format="csv", encoding="utf-8"
        )


def test_a_row_wider_than_the_header_names_the_row():
    with pytest.raises(files.RegistryFileError, match="рядку 3"):
        files.read_dataset(content=b"a,b\n1,2\n1,2,3\n", file_format="csv")


def test_an_unreadable_workbook_is_reported():
    with pytest.raises(files.RegistryFileError, match="XLSX"):
        files.read_dataset(content=b"not a workbook", file_format="xlsx")
