import pytest
from django.core.management import CommandError, call_command

from registry.models import Organization

pytestmark = pytest.mark.django_db


@pytest.fixture
def file_of(tmp_path, fixture_bytes):
    def write(fixture, name):
        path = tmp_path / name
        path.write_bytes(fixture_bytes(fixture))
        return str(path)

    return write


def test_command_imports_a_file_and_counts_per_registry(file_of, capsys):
    call_command("import_organizations", file_of("organizations_cp1251.csv", "registry.csv"))
    out = capsys.readouterr().out
    assert Organization.objects.count() == 3
    assert "Громадські об'єднання: додано 2" in out and "Партійні організації: додано 1" in out


def test_command_dry_run_writes_nothing(file_of, capsys):
    call_command("import_organizations", file_of("organizations.xlsx", "registry.xlsx"), "--dry-run")
    assert Organization.objects.count() == 0
    out = capsys.readouterr().out
    assert "нічого не записано" in out and "Громадські об'єднання: нових — 2" in out


def test_command_reports_every_row_problem_and_fails_writing_nothing(file_of, capsys):
    with pytest.raises(CommandError, match="Рядки з помилками: 3, 4, 5, 6, 7. Нічого не записано"):
        call_command("import_organizations", file_of("bad_rows.csv", "bad.csv"))
    err = capsys.readouterr().err
    assert "Рядок 4 [Дата реєстрації]" in err and "Рядок 7 [Код ЄДРПОУ]" in err
    assert Organization.objects.count() == 0


def test_command_skip_invalid_writes_the_valid_rows_and_fails_with_the_rows_left_out(file_of, capsys):
    with pytest.raises(CommandError, match="Пропущено 5 рядків з помилками: 3, 4, 5, 6, 7."):
        call_command("import_organizations", file_of("bad_rows.csv", "bad.csv"), "--skip-invalid")
    assert list(Organization.objects.values_list("name", flat=True)) == ["ГО «Добре»"]
    assert "Громадські об'єднання: додано 1" in capsys.readouterr().out


def test_command_skip_invalid_on_a_clean_file_succeeds(file_of):
    call_command("import_organizations", file_of("organizations.xlsx", "registry.xlsx"), "--skip-invalid")
    assert Organization.objects.count() == 3


def test_command_exits_with_status_1_when_rows_are_left_out(file_of):
    with pytest.raises(CommandError) as refused:
        call_command("import_organizations", file_of("bad_rows.csv", "bad.csv"), "--skip-invalid")
    assert refused.value.returncode == 1  # what manage.py exits with


def test_command_names_the_unknown_columns_and_fails(tmp_path):
    path = tmp_path / "wrong.csv"
    path.write_bytes("Найменування;Код\nГО;38516849\n".encode())
    with pytest.raises(CommandError, match="Невідома колонка «Найменування»"):
        call_command("import_organizations", str(path))
