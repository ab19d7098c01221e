import datetime

import pytest
from django.core.management import CommandError, call_command
from wagtail.search.backends import get_search_backend

from registry import services
from registry.models import FieldOfActivity, Organization, OrganizationKind, RegistrationStatus
from registry.resources import DefaultOrganizationResource

from .factories import FieldOfActivityFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def run_import(content, file_format, dry_run=False, **options):
    dataset = services.read_dataset(content=content, file_format=file_format, **options)
    return services.import_organizations(dataset=dataset, dry_run=dry_run)


def test_xlsx_made_by_a_spreadsheet_imports_every_field(fixture_bytes):
    report = run_import(fixture_bytes("organizations.xlsx"), "xlsx")

    assert (report.new, report.updated, report.has_errors) == (3, 0, False)
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


def test_windows_1251_semicolon_csv_is_detected_and_imported(fixture_bytes):
    content = fixture_bytes("organizations_cp1251.csv")
    with pytest.raises(UnicodeDecodeError):
        content.decode("utf-8")

    report = run_import(content, "csv")

    assert (report.new, report.has_errors) == (3, False)
    charity = Organization.objects.get(edrpou="40075815")
    assert charity.name == "Благодійний фонд «Ніжин — рідне місто»"
    assert charity.legal_form == "charity"
    assert sorted(charity.fields_of_activity.values_list("name", flat=True)) == ["Ветерани", "Культура"]


def test_encoding_and_delimiter_can_be_chosen_instead_of_detected(fixture_bytes):
    report = run_import(
        fixture_bytes("organizations_cp1251.csv"), "csv", encoding="cp1251", delimiter="semicolon"
    )
    assert report.new == 3


def test_choosing_the_wrong_encoding_is_reported(fixture_bytes):
    with pytest.raises(services.RegistryFileError, match="utf-8"):
        run_import(fixture_bytes("organizations_cp1251.csv"), "csv", encoding="utf-8")


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
    assert report.rows_with_errors == 5
    assert Organization.objects.count() == 0


def test_wrong_columns_are_reported_before_any_row(fixture_bytes):
    content = "Найменування;Код;Адреса\nГО;38516849;Ніжин\n".encode()
    report = run_import(content, "csv")
    assert report.row_problems == []
    text = " ".join(report.file_errors)
    assert "Невідома колонка «Найменування»" in text
    assert "Бракує обов'язкової колонки «Назва»" in text
    assert "Бракує обов'язкової колонки «Код ЄДРПОУ»" in text


def test_reimport_updates_by_edrpou_and_never_duplicates(fixture_bytes):
    run_import(fixture_bytes("organizations.xlsx"), "xlsx")
    content = "Назва,Код ЄДРПОУ,Статус\nГО «Нова назва»,38516849,припинено\n".encode()

    report = run_import(content, "csv")

    assert (report.new, report.updated, report.has_errors) == (0, 1, False)
    assert Organization.objects.count() == 3
    youth = Organization.objects.get(edrpou="38516849")
    assert (youth.name, youth.status) == ("ГО «Нова назва»", RegistrationStatus.TERMINATED)
    # Columns absent from the file keep their values.
    assert youth.head == "Коваль Олена Петрівна"
    assert youth.fields_of_activity.count() == 2


def test_known_fields_of_activity_are_matched_and_unknown_ones_created_and_reported():
    FieldOfActivityFactory(name="Молодь")
    content = "Назва,Код ЄДРПОУ,Напрями діяльності\nГО,38516849,молодь; Спорт\n".encode()

    preview = run_import(content, "csv", dry_run=True)
    assert preview.created_fields_of_activity == ["Спорт"]
    assert not FieldOfActivity.objects.filter(name="Спорт").exists()

    run_import(content, "csv")
    organization = Organization.objects.get(edrpou="38516849")
    assert sorted(organization.fields_of_activity.values_list("name", flat=True)) == ["Молодь", "Спорт"]
    assert FieldOfActivity.objects.count() == 2


def test_dry_run_writes_nothing(fixture_bytes):
    report = run_import(fixture_bytes("organizations.xlsx"), "xlsx", dry_run=True)
    assert report.new == 3
    assert Organization.objects.count() == 0


@pytest.mark.parametrize("file_format", ["csv", "xlsx", "json"])
def test_export_reimports_to_the_same_registry(file_format):
    organization = OrganizationFactory(
        name="ГО «Експорт»", head="Іваненко І. І.", seats=None, registration_date=datetime.date(2001, 1, 31)
    )
    organization.fields_of_activity.set([FieldOfActivityFactory(name="Екологія")])

    content = services.export_organizations(file_format=file_format)
    Organization.objects.filter(pk=organization.pk).update(name="змінено", head="")
    report = run_import(content, file_format)

    assert (report.new, report.updated, report.has_errors) == (0, 1, False)
    organization.refresh_from_db()
    assert (organization.name, organization.head) == ("ГО «Експорт»", "Іваненко І. І.")
    assert organization.registration_date == datetime.date(2001, 1, 31)
    assert list(organization.fields_of_activity.values_list("name", flat=True)) == ["Екологія"]


def test_csv_export_has_the_ukrainian_headers_and_dates_as_day_month_year():
    OrganizationFactory(registration_date=datetime.date(2001, 1, 31))
    text = services.export_organizations(file_format="csv").decode("utf-8-sig")
    header, row = text.splitlines()[:2]
    assert header.startswith(
        "Назва,Скорочена назва,Код ЄДРПОУ,Тип,Організаційно-правова форма,Дата реєстрації,Статус"
    )
    assert "31.01.2001" in row and "зареєстровано" in row


def test_bulk_import_puts_the_organisations_into_the_search_index(
    fixture_bytes, django_capture_on_commit_callbacks
):
    assert not get_search_backend().search("молодь", Organization)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        run_import(fixture_bytes("organizations.xlsx"), "xlsx")
    assert len(callbacks) == 1  # one index task for the whole import, after the commit
    found = get_search_backend().search("молодь", Organization)
    assert [o.edrpou for o in found] == ["38516849"]


def test_dry_run_and_failed_imports_leave_the_index_alone(fixture_bytes, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        run_import(fixture_bytes("organizations.xlsx"), "xlsx", dry_run=True)
        run_import(fixture_bytes("bad_rows.csv"), "csv")
    assert callbacks == []


def test_reimporting_the_same_file_reports_rows_unchanged_and_writes_nothing(fixture_bytes):
    run_import(fixture_bytes("organizations.xlsx"), "xlsx")
    stamps = dict(Organization.objects.values_list("edrpou", "updated_at"))

    report = run_import(fixture_bytes("organizations_cp1251.csv"), "csv")

    assert (report.new, report.updated, report.unchanged) == (0, 0, 3)
    assert dict(Organization.objects.values_list("edrpou", "updated_at")) == stamps


def test_default_resource_path_reports_the_same_problems(fixture_bytes):
    dataset = services.read_dataset(content=fixture_bytes("bad_rows.csv"), file_format="csv")
    report = services.import_organizations(
        dataset=dataset, dry_run=True, resource_class=DefaultOrganizationResource
    )
    assert {p.row for p in report.row_problems} == {3, 4, 5, 6, 7}


def test_command_imports_a_file(fixture_bytes, tmp_path, capsys):
    path = tmp_path / "registry.csv"
    path.write_bytes(fixture_bytes("organizations_cp1251.csv"))
    call_command("import_organizations", str(path))
    assert Organization.objects.count() == 3
    assert "нових 3" in capsys.readouterr().out


def test_command_dry_run_writes_nothing(fixture_bytes, tmp_path, capsys):
    path = tmp_path / "registry.xlsx"
    path.write_bytes(fixture_bytes("organizations.xlsx"))
    call_command("import_organizations", str(path), "--dry-run")
    assert Organization.objects.count() == 0
    assert "нічого не записано" in capsys.readouterr().out


def test_command_reports_every_row_problem_and_fails(fixture_bytes, tmp_path, capsys):
    path = tmp_path / "bad.csv"
    path.write_bytes(fixture_bytes("bad_rows.csv"))
    with pytest.raises(CommandError, match="Нічого не записано"):
        call_command("import_organizations", str(path))
    err = capsys.readouterr().err
    assert "Рядок 4 [Дата реєстрації]" in err and "Рядок 7 [Код ЄДРПОУ]" in err
    assert Organization.objects.count() == 0


def test_index_update_covers_every_chunk(fixture_bytes, django_capture_on_commit_callbacks, monkeypatch):
    from registry import resources

    monkeypatch.setattr(resources, "INDEX_CHUNK", 2)  # three organisations: two chunks
    with django_capture_on_commit_callbacks(execute=True):
        run_import(fixture_bytes("organizations.xlsx"), "xlsx")
    for word, code in (("молодь", "38516849"), ("фонд", "40075815"), ("Приклад", "00013480")):
        assert [o.edrpou for o in get_search_backend().search(word, Organization)] == [code]
