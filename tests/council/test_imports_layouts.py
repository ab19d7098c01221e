"""Results files laid out as voting systems export them: a title above the header, merged cells,
dates and times as Excel serial numbers, blank rows; rows are still reported by their number in the file."""

import datetime
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from council.imports import parse_date, parse_time
from council.kinds import BallotChoice, Question
from council.models import Ballot, Meeting, Vote

from .test_imports import BUDGET, HEADER, PARK, csv_file, deputies, run  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

TITLE = "Результати поіменного голосування 42 сесії Ніжинської міської ради VIII скликання"


def printed_export(path, *, bad_vote=False):
    """A workbook as «Рада-голосування» prints it: a merged title, the header on row 3, the session,
    item, question and time merged down over the deputies' rows, dates and times as serial numbers."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([TITLE])
    sheet.merge_cells("A1:H1")
    sheet.append([])
    sheet.append(HEADER)
    # 46093 is 12.03.2026; 0.4201388889 is 10:05, 0.4305555556 10:20.
    sheet.append([42, 46093, 1, BUDGET, "за основу", "Бойко Олександр Миколайович", "За", 0.4201388889])
    sheet.append([None, None, None, None, None, "Мельник І.С.", "Може бути" if bad_vote else "Проти", None])
    sheet.append([None, None, None, None, None, "Дем’яненко О. П.", "Відсутня", None])
    for column in "ABCDEH":
        sheet.merge_cells(f"{column}4:{column}6")
    sheet.append([])  # a blank row between the questions
    sheet.append([42, 46093, 2, PARK, "в цілому", "Бойко Олександр Миколайович", "Проти", 0.4305555556])
    sheet.append([None, None, None, None, None, "Мельник І.С.", "за", None])
    for column in "ABCDEH":
        sheet.merge_cells(f"{column}8:{column}9")
    sheet.append([None] * 8)  # an empty trailing row
    book.save(path)
    return path


def test_a_printed_export_with_a_title_and_merged_cells_imports(tmp_path, deputies):  # noqa: F811
    out, err = run(printed_export(tmp_path / "rada.xlsx"))
    assert err == ""
    meeting = Meeting.objects.get()
    assert (meeting.number, meeting.starts_at.date()) == (42, datetime.date(2026, 3, 12))
    basis = Vote.objects.get(agenda_item__number="1")
    assert basis.question == Question.BASIS
    assert basis.held_at.astimezone(datetime.UTC).time() == datetime.time(8, 5)  # 10:05 in Kyiv
    assert sorted(basis.ballots.values_list("deputy__slug", "choice")) == [
        ("boiko", BallotChoice.FOR),
        ("demianenko", BallotChoice.ABSENT),
        ("melnyk", BallotChoice.AGAINST),
    ]
    assert (basis.for_count, basis.against_count, basis.absent_count, basis.composition) == (1, 1, 1, 5)
    assert Vote.objects.get(agenda_item__number="2").ballots.count() == 2
    assert "бюлетенів: нових — 5" in out.lower()
    out, _ = run(printed_export(tmp_path / "again.xlsx"))  # a second import duplicates nothing
    assert (Meeting.objects.count(), Vote.objects.count(), Ballot.objects.count()) == (1, 2, 5)
    assert "нових — 0, змінених — 0, без змін — 5" in out


def test_a_printed_export_reports_rows_by_their_number_in_the_sheet(tmp_path, deputies):  # noqa: F811
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_votes", str(printed_export(tmp_path / "rada.xlsx", bad_vote=True)), stderr=err)
    assert err.getvalue().startswith("Рядок 5 [Голос]: Невідомий голос «Може бути»")
    assert not Ballot.objects.exists()


def test_a_repeated_row_under_a_title_names_the_first_row_as_the_sheet_numbers_it(tmp_path, deputies):  # noqa: F811
    row = ["42", "12.03.2026", "1", BUDGET, "в цілому", "Бойко Олександр Миколайович", "За", "10:05"]
    path = tmp_path / "votes.csv"
    lines = [TITLE + ";" * 7, ";".join(HEADER), ";".join(row), ";".join(row)]
    path.write_bytes("\r\n".join(lines).encode("cp1251"))
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_votes", str(path), stderr=err)
    assert err.getvalue().strip() == (
        "Рядок 4 [Депутат]: Голос цього депутата в цьому голосуванні вже є в рядку 3."
    )


def test_excel_serial_numbers_in_a_csv_are_dates_and_times(tmp_path, deputies):  # noqa: F811
    rows = [["42", "46093", "1", BUDGET, "в цілому", "Мельник І.С.", "За", "0,4201388889"]]
    run(csv_file(tmp_path, rows))
    vote = Vote.objects.get()
    assert vote.agenda_item.meeting.starts_at.date() == datetime.date(2026, 3, 12)
    assert vote.held_at.astimezone(datetime.UTC) == datetime.datetime(2026, 3, 12, 8, 5, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    ("value", "day"),
    [
        (46086, datetime.date(2026, 3, 5)),
        (46086.6055555556, datetime.date(2026, 3, 5)),
        ("46086", datetime.date(2026, 3, 5)),
        ("46086,6055555556", datetime.date(2026, 3, 5)),
        ("05.03.2026 14:32", datetime.date(2026, 3, 5)),
    ],
)
def test_dates_as_excel_writes_them(value, day):
    assert parse_date(value) == day


@pytest.mark.parametrize(
    ("value", "time"),
    [
        (0.6055555556, datetime.time(14, 32)),
        ("0,6055555556", datetime.time(14, 32)),
        (46086.6055555556, datetime.time(14, 32)),
        ("46086.6055555556", datetime.time(14, 32)),
        (0.9999999, datetime.time(23, 59, 59)),
        ("05.03.2026 14:32", datetime.time(14, 32)),
        ("10.05", datetime.time(10, 5)),  # as people write it, not a fraction of a day
        ("0.30", datetime.time(0, 30)),
    ],
)
def test_times_as_excel_writes_them(value, time):
    assert parse_time(value) == time


@pytest.mark.parametrize("value", ["123", 12, "1,5", 80000])
def test_numbers_that_are_no_dates_are_refused(value):
    with pytest.raises(ValueError, match="не дата"):
        parse_date(value)


def test_the_admin_previews_a_printed_export(editor_client, tmp_path, deputies):  # noqa: F811
    path = printed_export(tmp_path / "rada.xlsx")
    upload = reverse("council_vote_import:upload")
    content = SimpleUploadedFile(path.name, path.read_bytes())
    response = editor_client.post(upload, {"import_file": content, "encoding": "auto", "delimiter": "auto"})
    html = editor_client.get(response["Location"]).content.decode()
    assert "Нових засідань — 1, питань порядку денного — 2, голосувань — 2." in html
    assert html.count('class="preview-row preview-new"') == 5
    assert "row-problem" not in html
