"""Import of the voting system's results: real CSV (Windows-1251) and XLSX files, re-import, row errors."""

import datetime
import io

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from council.kinds import BallotChoice, MeetingKind, Question
from council.models import AgendaItem, Ballot, Meeting, Vote

from .factories import DeputyFactory, MeetingFactory, MembershipFactory

pytestmark = pytest.mark.django_db

HEADER = [
    "Сесія",
    "Дата сесії",
    "Номер питання",
    "Питання порядку денного",
    "Голосування",
    "Депутат",
    "Голос",
    "Час",
]
BUDGET = "Про бюджет Ніжинської міської територіальної громади на 2025 рік"
PARK = "Про затвердження Програми благоустрою парку"


@pytest.fixture
def deputies(convocation):
    names = {
        "boiko": "Бойко Олександр Миколайович",
        "boiko_o": "Бойко Оксана Іванівна",
        "melnyk": "Мельник Ірина Степанівна",
        "demianenko": "Дем'яненко Олена Петрівна",
    }
    found = {}
    for key, name in names.items():
        found[key] = DeputyFactory(full_name=name, slug=key)
        MembershipFactory(deputy=found[key], convocation=convocation)
    return found


def session_rows(*, melnyk="Утрималась"):
    """Session 42 of 12.03.2025: item 1 voted as a basis and as a whole, item 2 as a whole."""
    return [
        ["42", "12.03.2025", "1", BUDGET, "за основу", "Бойко Олександр Миколайович", "За", "10:05"],
        ["42", "12.03.2025", "1", BUDGET, "за основу", "Мельник І.С.", "Проти", "10:05"],
        ["42", "12.03.2025", "1", BUDGET, "за основу", "Дем’яненко О. П.", "Відсутня", "10:05"],
        ["42", "12.03.2025", "1", BUDGET, "в цілому", "Бойко Олександр Миколайович", "За", "10:20"],
        ["42", "12.03.2025", "1", BUDGET, "в цілому", "Мельник І.С.", melnyk, "10:20"],
        ["42", "12.03.2025", "1", BUDGET, "в цілому", "Дем’яненко О. П.", "Не голосувала", "10:20"],
        ["42", "12.03.2025", "2", PARK, "в цілому", "Бойко Олександр Миколайович", "Проти", "10:31"],
        ["42", "12.03.2025", "2", PARK, "в цілому", "Мельник І.С.", "за", "10:31"],
    ]


def csv_file(tmp_path, rows, *, header=HEADER, encoding="cp1251", delimiter=";", name="votes.csv"):
    path = tmp_path / name
    lines = [delimiter.join(header)] + [delimiter.join(row) for row in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def xlsx_file(tmp_path, rows, *, header=HEADER, name="votes.xlsx"):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    path = tmp_path / name
    book.save(path)
    return path


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_votes", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_windows_1251_csv_creates_the_session_items_votes_and_ballots(tmp_path, deputies):
    out, _ = run(csv_file(tmp_path, session_rows()))
    meeting = Meeting.objects.get()
    assert (meeting.kind, meeting.number, meeting.convocation.number) == (MeetingKind.PLENARY, 42, 8)
    assert meeting.starts_at.date() == datetime.date(2025, 3, 12)
    assert list(meeting.agenda_items.values_list("number", "title")) == [("1", BUDGET), ("2", PARK)]
    basis, whole = Vote.objects.filter(agenda_item__number="1").order_by("position")
    assert (basis.question, whole.question) == (Question.BASIS, Question.WHOLE)
    assert basis.held_at.astimezone(datetime.UTC).time() == datetime.time(8, 5)  # 10:05 in Kyiv
    assert Ballot.objects.count() == 8
    assert Ballot.objects.get(vote=whole, deputy=deputies["melnyk"]).choice == BallotChoice.ABSTAINED
    assert Ballot.objects.get(vote=basis, deputy=deputies["demianenko"]).choice == BallotChoice.ABSENT
    # Recounted: 4 deputies and the mayor; «for» 1 of 5 is not a majority.
    assert (basis.for_count, basis.against_count, basis.absent_count, basis.composition) == (1, 1, 1, 5)
    assert basis.adopted is False
    assert "Нових засідань — 1, питань порядку денного — 2, голосувань — 3." in out
    assert basis.published_at is not None  # the import puts the result on the site
    assert "бюлетенів: нових — 8, змінених — 0, без змін — 0" in out.lower()


def test_a_re_import_updates_and_never_duplicates(tmp_path, deputies):
    run(csv_file(tmp_path, session_rows()))
    published = Vote.objects.get(agenda_item__number="1", question=Question.WHOLE).published_at
    out, _ = run(csv_file(tmp_path, session_rows(melnyk="За"), encoding="utf-8", delimiter=","))
    assert (Meeting.objects.count(), AgendaItem.objects.count(), Vote.objects.count()) == (1, 2, 3)
    assert Ballot.objects.count() == 8
    whole = Vote.objects.get(agenda_item__number="1", question=Question.WHOLE)
    assert Ballot.objects.get(vote=whole, deputy=deputies["melnyk"]).choice == BallotChoice.FOR
    assert whole.for_count == 2  # recounted after the change
    assert whole.published_at == published  # a correction keeps the first publication's time
    assert "нових — 0, змінених — 1, без змін — 7" in out


def test_an_xlsx_file_with_dates_and_times_as_cells(tmp_path, deputies):
    rows = [
        [42, datetime.date(2025, 3, 12), 1, BUDGET, "В цілому", "Бойко О.М.", "ЗА", datetime.time(10, 20)],
        [
            42,
            datetime.datetime(2025, 3, 12),
            1,
            BUDGET,
            "В цілому",
            "Мельник Ірина Степанівна",
            "Проти",
            "10:20:00",
        ],
    ]
    run(xlsx_file(tmp_path, rows))
    vote = Vote.objects.get()
    assert vote.question == Question.WHOLE
    assert sorted(vote.ballots.values_list("deputy__slug", "choice")) == [
        ("boiko", "for"),
        ("melnyk", "against"),
    ]


def test_an_existing_meeting_is_found_by_its_number(tmp_path, convocation, deputies):
    existing = MeetingFactory(convocation=convocation, number=42)
    run(csv_file(tmp_path, session_rows()))
    assert Meeting.objects.get() == existing
    assert existing.agenda_items.count() == 2


def test_row_errors_name_the_row_and_column_and_nothing_is_written(tmp_path, deputies):
    rows = session_rows()
    rows[1][5] = "Петренко П.П."  # row 3: unknown
    rows[2][5] = "Бойко О."  # row 4: Олександр or Оксана
    rows[3][6] = "Може бути"  # row 5: unknown vote
    rows[4][1] = "31.02.2025"  # row 6: no such date
    with pytest.raises(CommandError, match="3, 4, 5, 6"):
        run(csv_file(tmp_path, rows))
    assert not Meeting.objects.exists() and not Ballot.objects.exists()


def test_row_errors_are_listed_in_ukrainian(tmp_path, deputies):
    rows = session_rows()
    rows[1][5] = "Петренко П.П."
    rows[2][5] = "Бойко О."
    rows[3][6] = "Може бути"
    rows[4][1] = "31.02.2025"
    rows[5][5] = rows[4][5]  # row 7 repeats row 6's deputy in the same vote
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_votes", str(csv_file(tmp_path, rows)), stdout=io.StringIO(), stderr=err)
    lines = err.getvalue().splitlines()
    assert "Рядок 3 [Депутат]: Немає депутата 8 скликання на ім'я «Петренко П.П.»" in lines[0]
    assert lines[1].startswith("Рядок 4 [Депутат]: «Бойко О.» може бути будь-ким із:")
    assert "Бойко Оксана Іванівна" in lines[1] and "Бойко Олександр Миколайович" in lines[1]
    assert lines[2].startswith("Рядок 5 [Голос]: Невідомий голос «Може бути»")
    assert lines[3].startswith("Рядок 6 [Дата сесії]: «31.02.2025» — не дата")


def test_a_repeated_ballot_is_an_error_naming_the_first_row(tmp_path, deputies):
    rows = session_rows()
    rows.append(list(rows[0]))
    err = io.StringIO()
    with pytest.raises(CommandError, match="10"):
        call_command("import_votes", str(csv_file(tmp_path, rows)), stdout=io.StringIO(), stderr=err)
    assert "Рядок 10 [Депутат]: Голос цього депутата в цьому голосуванні вже є в рядку 2." in err.getvalue()


def test_a_dry_run_writes_nothing(tmp_path, deputies):
    out, _ = run(csv_file(tmp_path, session_rows()), "--dry-run")
    assert "Перевірено, нічого не записано." in out
    assert "бюлетенів: нових — 8" in out.lower()
    assert not Meeting.objects.exists() and not Vote.objects.exists()


def test_a_missing_column_and_an_unknown_convocation_are_refused(tmp_path, deputies):
    path = csv_file(tmp_path, [row[:-2] for row in session_rows()], header=HEADER[:-2])
    with pytest.raises(CommandError, match="Бракує обов'язкової колонки «Голос»"):
        run(path)
    with pytest.raises(CommandError, match="Немає 9 скликання"):
        run(csv_file(tmp_path, session_rows()), "--convocation", 9)


def test_a_date_without_a_convocation_is_an_error_on_the_date(tmp_path, deputies):
    rows = session_rows()[:1]
    rows[0][1] = "12.03.2019"
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_votes", str(csv_file(tmp_path, rows)), stdout=io.StringIO(), stderr=err)
    assert "Рядок 2 [Дата сесії]: 12.03.2019 не засідало жодне скликання" in err.getvalue()


def test_a_long_list_of_bad_rows_is_cut_in_the_message(tmp_path, deputies):
    rows = [
        ["42", "12.03.2025", str(n), PARK, "в цілому", "Петренко П.П.", "За", "10:31"] for n in range(1, 41)
    ]
    with pytest.raises(CommandError, match=r"2, 3, 4, .*, 30, … 41 \(усього рядків: 40\)"):
        run(csv_file(tmp_path, rows))
