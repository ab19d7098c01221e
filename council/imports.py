"""The file format of the electronic voting system's results: one row per ballot, Ukrainian headers.

The column headers are the format, written as the councils' voting systems («Рада», «Віче») and
their clerks' spreadsheets write them, so they are constants here rather than translations: a file
exported today must import tomorrow whatever the interface language. Each parser takes a cell as
CSV (text) or XLSX (numbers, dates, times) gives it and returns a clean value or raises
``ValueError`` with a sentence for the clerk; the resource names the row and the column.
"""

import datetime
import re

from django.utils.translation import gettext as _

from cms.analysis import normalize

from .kinds import BallotChoice, Question

SESSION = "Сесія"
DATE = "Дата сесії"
CONVOCATION = "Скликання"
ITEM_NUMBER = "Номер питання"
ITEM_TITLE = "Питання порядку денного"
QUESTION = "Голосування"
VOTE_NUMBER = "Номер голосування"
DEPUTY = "Депутат"
CHOICE = "Голос"
TIME = "Час"

#: The columns in the order the format's description (docs/council.md) lists them.
COLUMNS = [SESSION, DATE, CONVOCATION, ITEM_NUMBER, ITEM_TITLE, QUESTION, VOTE_NUMBER, DEPUTY, CHOICE, TIME]
REQUIRED = [DATE, ITEM_TITLE, DEPUTY, CHOICE]

# Other headers the voting systems and clerks write for the same columns.
_ALIASES = {
    SESSION: ["Номер сесії", "№ сесії", "Сесія №"],
    DATE: ["Дата", "Дата засідання", "Дата пленарного засідання"],
    CONVOCATION: ["Номер скликання"],
    ITEM_NUMBER: ["№ питання", "Пункт", "№ п/п", "Номер пункту"],
    ITEM_TITLE: ["Питання", "Назва питання", "Назва проєкту рішення", "Назва"],
    QUESTION: ["Вид голосування", "Тип голосування", "Голосування за"],
    VOTE_NUMBER: ["№ голосування"],
    DEPUTY: ["ПІБ", "ПІБ депутата", "Прізвище, ім'я, по батькові", "Прізвище та ініціали"],
    CHOICE: ["Результат", "Рішення депутата", "Голосував", "Голос депутата"],
    TIME: ["Час голосування"],
}


def _header_key(header) -> str:
    return " ".join(normalize(str(header or "").replace("\ufeff", "")).casefold().split())


_HEADERS = {_header_key(alias): column for column, aliases in _ALIASES.items() for alias in aliases} | {
    _header_key(column): column for column in COLUMNS
}


def normalise_headers(headers) -> tuple[list[str], list[str], list[str]]:
    """The file's headers with the known ones in canonical form, the problems, and the ignored columns.

    Unknown columns (a faction, a seat number) are ignored and listed; a missing required column or
    a column given twice is a problem that stops the import.
    """
    normalised, problems, ignored = [], [], []
    for header in headers or []:
        header = "" if header is None else header
        column = _HEADERS.get(_header_key(header))
        if column is None:
            ignored.append(str(header))
            normalised.append(str(header))
        elif column in normalised:
            problems.append(_("Column «%(header)s» appears twice.") % {"header": column})
            normalised.append(str(header))
        else:
            normalised.append(column)
    for column in REQUIRED:
        if column not in normalised:
            problems.append(_("Required column «%(header)s» is missing.") % {"header": column})
    return normalised, problems, [header for header in ignored if header.strip()]


def text(value) -> str:
    """A cell as text: None and blanks are '', an XLSX whole number 42.0 is «42»."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _words(value) -> str:
    return re.sub(r"[^\w' ]+", " ", normalize(text(value)).casefold()).strip()


# Each value's forms, matched on the lower-cased words (either gender, «(ла)», «утрим.»).
_CHOICES = [
    (re.compile(r"за"), BallotChoice.FOR),
    (re.compile(r"проти"), BallotChoice.AGAINST),
    (re.compile(r"утрим\w*( \w+)?"), BallotChoice.ABSTAINED),
    (re.compile(r"не (голосува|голос)\w*( \w+)?"), BallotChoice.DID_NOT_VOTE),
    (re.compile(r"(відсутн|не присутн|не зареєстр)\w*( \w+)?"), BallotChoice.ABSENT),
]
_QUESTIONS = [
    (re.compile(r"(за )?основу"), Question.BASIS),
    (re.compile(r"((в|у) )?цілому( \w+)*"), Question.WHOLE),
    (re.compile(r"(\w+ )?(поправк|правк)\w*( \w+)*"), Question.AMENDMENT),
    (re.compile(r"(\w+ )*порядку денного|порядок денний"), Question.AGENDA),
    (re.compile(r"процедурн\w*( \w+)*"), Question.PROCEDURAL),
]


def _listed(choices) -> str:
    return ", ".join(f"«{choice.label}»" for choice in choices)


def parse_choice(value) -> str:
    """«За», «проти», «Утрималась», «Не голосував(ла)», «Відсутня» (or a stored value) → BallotChoice."""
    words = _words(value)
    if words in BallotChoice.values:
        return words
    for pattern, choice in _CHOICES:
        if pattern.fullmatch(words):
            return choice
    if not words:
        raise ValueError(
            _("The vote is empty; expected one of %(values)s.") % {"values": _listed(BallotChoice)}
        )
    raise ValueError(
        _("Unknown vote «%(value)s»; expected one of %(values)s.")
        % {"value": text(value), "values": _listed(BallotChoice)}
    )


def parse_question(value) -> str:
    """«за основу», «в цілому», «поправка № 2», «процедурне» (empty: as a whole) → Question."""
    words = _words(value)
    if not words:
        return Question.WHOLE
    if words in Question.values:
        return words
    for pattern, question in _QUESTIONS:
        if pattern.fullmatch(words):
            return question
    raise ValueError(
        _("Unknown question «%(value)s»; expected one of %(values)s.")
        % {"value": text(value), "values": _listed(Question)}
    )


def parse_number(value, *, required=False) -> int | None:
    """A positive whole number («42», «42 сесія», «№ 42», an XLSX 42.0); None when empty and optional."""
    raw = text(value)
    if not raw:
        if required:
            raise ValueError(_("The number is empty."))
        return None
    found = re.fullmatch(r"(?:№\s*)?([0-9]{1,6})(?:\s*[^\W\d_][\w\s-]*)?", raw)
    if not found or int(found.group(1)) < 1:
        raise ValueError(_("«%(value)s» is not a number.") % {"value": raw})
    return int(found.group(1))


_DATE_FORMATS = ("%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d", "%d/%m/%Y")

# Excel counts days from 30.12.1899 (its day 60 is the 29.02.1900 that never was; dates after it
# are right). A serial number is a date kept in a cell formatted as «Загальний» or «Числовий», as
# voting systems' exports leave it: «46086» is 05.03.2026, «46086,6056» 05.03.2026 14:32, «0,6056» 14:32.
_EXCEL_EPOCH = datetime.datetime(1899, 12, 30)
_FIRST_SERIAL, _LAST_SERIAL = 32874, 73051  # 01.01.1990 and 01.01.2100, the dates the import accepts
_SERIAL = re.compile(r"[0-9]{1,5}(?:[.,][0-9]+)?")


def _serial(value) -> float | None:
    """An Excel serial number in a cell: a number in XLSX, digits with a decimal point or comma in CSV."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    raw = text(value)
    return float(raw.replace(",", ".")) if _SERIAL.fullmatch(raw) else None


def _serial_date(serial: float) -> datetime.date:
    return (_EXCEL_EPOCH + datetime.timedelta(days=int(serial))).date()


def _serial_time(serial: float) -> datetime.time:
    seconds = min(round((serial % 1) * 86400), 86399)  # 0,9999999 is 23:59:59, not the next midnight
    return (_EXCEL_EPOCH + datetime.timedelta(seconds=seconds)).time()


def parse_date(value) -> datetime.date:
    """A date as DD.MM.YYYY, YYYY-MM-DD, an XLSX date or an Excel serial number (a time part is ignored)."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    serial = _serial(value)
    if serial is not None and _FIRST_SERIAL <= serial < _LAST_SERIAL:
        return _serial_date(serial)
    raw = text(value).split(" ")[0] if text(value) else ""
    if not raw:
        raise ValueError(_("The date is empty."))
    for date_format in _DATE_FORMATS:
        try:
            day = datetime.datetime.strptime(raw, date_format).date()
        except ValueError:
            continue
        if 1990 <= day.year <= 2100:
            return day
    raise ValueError(_("«%(value)s» is not a date; write it as DD.MM.YYYY.") % {"value": text(value)})


def parse_time(value) -> datetime.time | None:
    """A time as HH:MM or HH:MM:SS (also after a date), an XLSX time or an Excel serial (its fraction
    of a day: «0,6056» or «46086,6056» is 14:32); None when empty."""
    if isinstance(value, datetime.datetime):
        return value.time()
    if isinstance(value, datetime.time):
        return value
    serial = _serial(value)
    # «10.05» is a time as people write it, «0,6055556» a fraction of a day as Excel writes it.
    people = re.fullmatch(r"[0-9]+[.,][0-9]{1,2}", text(value))
    fraction = serial is not None and 0 <= serial < 1 and not people
    if fraction or (serial is not None and _FIRST_SERIAL <= serial < _LAST_SERIAL):
        return _serial_time(serial)
    raw = text(value)
    if not raw:
        return None
    found = re.fullmatch(r"(?:\S+\s+)?([0-9]{1,2})[:.]([0-9]{2})(?:[:.]([0-9]{2}))?", raw)
    try:
        if not found:
            raise ValueError(raw)
        hour, minute, second = (int(part or 0) for part in found.groups())
        return datetime.time(hour, minute, second)
    except ValueError:
        raise ValueError(
            _("«%(value)s» is not a time; write it as HH:MM or HH:MM:SS.") % {"value": raw}
        ) from None
