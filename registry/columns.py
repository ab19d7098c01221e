"""The registry's file format: its columns, and how a file's headers are matched to them.

The column headers are the file format, written in Ukrainian as the department's spreadsheets
and the Unified State Register's extracts write them, so they are constants here rather than
translations: a file exported today must import tomorrow whatever the interface language.
"""

from django.utils.translation import gettext as _

#: (model attribute, column header) in the order the export writes them.
COLUMNS = [
    ("name", "Назва"),
    ("short_name", "Скорочена назва"),
    ("edrpou", "Код ЄДРПОУ"),
    ("kind", "Тип"),
    ("legal_form", "Організаційно-правова форма"),
    ("registration_date", "Дата реєстрації"),
    ("status", "Статус"),
    ("address", "Адреса"),
    ("head", "Керівник"),
    ("phone", "Телефон"),
    ("email", "Електронна пошта"),
    ("website", "Вебсайт"),
    ("fields_of_activity", "Напрями діяльності"),
    ("party", "Партія"),
    ("faction", "Фракція в раді"),
    ("seats", "Кількість місць у раді"),
    ("notes", "Примітки"),
]
COLUMN_BY_ATTRIBUTE = dict(COLUMNS)
REQUIRED_COLUMNS = ("Назва", "Код ЄДРПОУ")
#: The columns an import writes to an existing organisation (the code is the identity, the relation apart).
UPDATE_FIELDS = [name for name, _ in COLUMNS if name not in ("edrpou", "fields_of_activity")]


def _normalise_header(header) -> str:
    return " ".join(str(header or "").replace("\ufeff", "").split()).casefold()


# A header is recognised by its Ukrainian title or the model attribute, case and spacing aside.
_HEADER_ALIASES = {
    **{_normalise_header(column): column for _, column in COLUMNS},
    **{_normalise_header(attribute): column for attribute, column in COLUMNS},
}


def normalise_headers(headers) -> tuple[list[str], list[str]]:
    """Map a file's headers onto the registry's columns.

    Returns the headers with every recognised one replaced by its canonical title, and the
    problems found (unknown, duplicated or missing required columns) as messages for editors.
    """
    normalised, problems = [], []
    for position, header in enumerate(headers or [], 1):
        column = _HEADER_ALIASES.get(_normalise_header(header))
        if column is None:
            problems.append(
                _("Unknown column «%(header)s» (column %(position)d). Expected columns: %(expected)s.")
                % {"header": header, "position": position, "expected": ", ".join(c for _, c in COLUMNS)}
            )
            column = str(header)
        elif column in normalised:
            problems.append(_("Column «%(header)s» appears twice.") % {"header": column})
        normalised.append(column)
    for column in REQUIRED_COLUMNS:
        if column not in normalised:
            problems.append(_("Required column «%(header)s» is missing.") % {"header": column})
    return normalised, problems


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def file_row_number(data_row_number: int) -> int:
    """The row as a spreadsheet shows it: the header is row 1, so data row 1 is row 2."""
    return data_row_number + 1
