import datetime

import pytest

from pages.legacy.dates import KYIV, LegacyDateError, parse_legacy_date, parse_legacy_datetime


def test_dotted_date_with_time_is_kyiv_time():
    assert parse_legacy_datetime("03.05.2018 10:15") == datetime.datetime(2018, 5, 3, 10, 15, tzinfo=KYIV)


def test_dotted_date_in_summer_is_three_hours_ahead_of_utc():
    value = parse_legacy_datetime("03.07.2018 10:15")
    assert value.astimezone(datetime.UTC) == datetime.datetime(2018, 7, 3, 7, 15, tzinfo=datetime.UTC)


def test_dotted_date_in_winter_is_two_hours_ahead_of_utc():
    value = parse_legacy_datetime("03.01.2018 10:15")
    assert value.astimezone(datetime.UTC) == datetime.datetime(2018, 1, 3, 8, 15, tzinfo=datetime.UTC)


def test_date_alone_is_midnight_in_kyiv():
    assert parse_legacy_datetime("1.2.2019") == datetime.datetime(2019, 2, 1, tzinfo=KYIV)


def test_iso_with_offset_keeps_the_offset():
    value = parse_legacy_datetime("2018-05-03T10:15:00+00:00")
    assert value.astimezone(KYIV).hour == 13


def test_iso_with_z_is_utc():
    assert parse_legacy_datetime("2018-05-03T10:15:00Z").utcoffset() == datetime.timedelta(0)


def test_iso_without_offset_is_kyiv_time():
    assert parse_legacy_datetime("2018-05-03T10:15").tzinfo == KYIV


@pytest.mark.parametrize("value", ["31.11.2018", "29.02.2019", "2018-13-01", "03.05.2018 25:00", "вчора", ""])
def test_impossible_or_unreadable_dates_are_rejected(value):
    with pytest.raises(LegacyDateError):
        parse_legacy_datetime(value)


def test_calendar_date_is_taken_in_kyiv():
    # 23:30 UTC on 31 May is already 1 June in Kyiv: the old site showed 1 June.
    assert parse_legacy_date("2018-05-31T23:30:00Z") == datetime.date(2018, 6, 1)


def test_empty_optional_date_is_none():
    assert parse_legacy_date("") is None
