"""Whatever reaches the open data and the report views: a notice or a 404, never a 500 (issue 11, point 6).

Django's test client raises the view's exception instead of answering 500, so any crash fails here.
"""

from urllib.parse import quote

import pytest
from django.contrib.auth.models import Group
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

MONTHLY = "/admin/reports/monthly/"


@pytest.fixture
def editor(client, django_user_model):
    """A Wagtail editor (the «Editors» group), not a superuser."""
    user = django_user_model.objects.create_user(username="editor", password="pass-editor")
    user.groups.add(Group.objects.get(name="Редактори"))
    client.force_login(user)
    return client


def form_errors(response) -> list[str]:
    return [str(error) for errors in response.context["form"].errors.values() for error in errors]


def test_a_month_past_the_sites_years_is_explained_not_downloaded(editor):
    response = editor.get(MONTHLY, {"month": "9999-12", "download": "1"})
    assert response.status_code == 200 and "Content-Disposition" not in response
    assert form_errors(response) == ["Введіть місяць від 1900-01 до 2100-12."]


@pytest.mark.parametrize("month", ["２０１８-１１", "2018-11\x01", "٢٠١٨-١١", "2018-1" + "1" * 10000])
def test_unicode_digits_control_characters_and_huge_values_are_explained(editor, month):
    response = editor.get(MONTHLY, {"month": month, "download": "1"})
    assert response.status_code == 200 and "Content-Disposition" not in response
    assert form_errors(response)


def test_a_nul_byte_in_the_month_is_explained(editor):
    response = editor.get(MONTHLY, {"month": "2018-11\x00", "download": "1"})
    assert response.status_code == 200 and form_errors(response)


def test_an_unknown_format_is_named_in_the_notice(editor):
    response = editor.get(MONTHLY, {"month": "2018-11", "format": "xls", "download": "1"})
    assert response.status_code == 200 and "Content-Disposition" not in response
    assert form_errors(response) == ["Невідоме значення «xls» параметра «format»."]


def test_a_strange_download_flag_is_a_notice_and_the_report_is_shown(editor):
    response = editor.get(MONTHLY, {"month": "2018-11", "download": "\x00"})
    assert response.status_code == 200 and "Content-Disposition" not in response
    assert response.context["notices"] == ["Параметр «download» містить керівні символи."]
    assert response.context["report"] is not None


def test_a_valid_month_and_format_still_download(editor):
    response = editor.get(MONTHLY, {"month": "2018-11", "format": "md", "download": "1"})
    assert response["Content-Disposition"] == 'attachment; filename="monthly-report-2018-11.md"'


@pytest.mark.parametrize(
    "path",
    [
        "/opendata/acts.%00",
        "/opendata/%00.csv",
        "/opendata/acts.csv%00",
        "/opendata/schemas/%00.schema.json",
        "/opendata/%C2%B2.json",
        "/opendata/acts.%EF%BC%8Asv",
        "/opendata/" + "a" * 5000 + ".csv",
    ],
)
def test_malformed_dataset_or_format_in_the_path_is_not_found(client, path):
    assert client.get(path).status_code == 404


ANY_TEXT = st.text(max_size=60)


def query(draw_values: dict) -> str:
    return "&".join(f"{quote(key)}={quote(value)}" for key, value in draw_values.items())


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(dataset=ANY_TEXT, fmt=ANY_TEXT, name=ANY_TEXT, value=ANY_TEXT)
def test_any_open_data_address_answers_without_error(client, dataset, fmt, name, value):
    quoted = quote(dataset, safe="")
    for path in (
        f"/opendata/{quoted}.{quote(fmt, safe='')}",
        f"/opendata/schemas/{quoted}.schema.json",
        f"/opendata/?{query({name: value})}",
        f"/opendata/index.json?{query({name: value})}",
        f"/opendata/acts.csv?{query({name: value})}",
    ):
        assert client.get(path).status_code in (200, 404)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(month=ANY_TEXT, fmt=ANY_TEXT, download=ANY_TEXT, other=ANY_TEXT)
def test_any_report_parameters_answer_without_error_for_an_editor(editor, month, fmt, download, other):
    monthly = editor.get(f"{MONTHLY}?{query({'month': month, 'format': fmt, 'download': download})}")
    assert monthly.status_code == 200
    deadlines = editor.get(f"/admin/reports/deadlines/?{query({'month': other, other: month})}")
    assert deadlines.status_code == 200
