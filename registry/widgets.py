"""How the cells of a registry file are read and written: one import-export widget per kind of cell."""

import datetime
import re

from django.utils import translation
from django.utils.translation import gettext as _
from import_export import widgets

from cms.exports import FORMULA_START, safe_cell

from .columns import is_blank

DATE_FORMAT = "%d.%m.%Y"
_SEPARATORS = re.compile(r"[;,]")


class EdrpouWidget(widgets.Widget):
    """Reads a code as text; restores the leading zeros a spreadsheet drops from a numeric cell."""

    def clean(self, value, row=None, **kwargs):
        if is_blank(value):
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        code = "".join(str(value).split())
        if code.isascii() and code.isdigit() and len(code) < 8:
            code = code.zfill(8)
        return code

    def render(self, value, obj=None, **kwargs):
        return value or ""


class ChoiceLabelWidget(widgets.Widget):
    """A choice written by its Ukrainian label (as the export writes it) or by its stored value."""

    def __init__(self, choices, **kwargs):
        self.choices = choices
        self._tables = {}
        super().__init__(**kwargs)

    def _lookup(self):
        language = translation.get_language()
        if self._tables.get(language) is None:
            table = {}
            with translation.override("uk"):
                for value, label in self.choices.choices:
                    table[value.casefold()] = value
                    table[str(label).casefold()] = value
            for value, label in self.choices.choices:
                table[str(label).casefold()] = value
            self._tables[language] = table
        return self._tables[language]

    def clean(self, value, row=None, **kwargs):
        if is_blank(value):
            return None
        text = " ".join(str(value).split()).casefold()
        found = self._lookup().get(text)
        if found is None:
            with translation.override("uk"):
                expected = "; ".join(str(label) for _, label in self.choices.choices)
            raise ValueError(
                _("Unknown value «%(value)s». Expected one of: %(expected)s.")
                % {"value": value, "expected": expected}
            )
        return found

    def render(self, value, obj=None, **kwargs):
        return str(self.choices(value).label) if value else ""


class UkrainianDateWidget(widgets.Widget):
    """Dates as DD.MM.YYYY (ISO accepted too); a spreadsheet's date cell is taken as it is."""

    input_formats = (DATE_FORMAT, "%Y-%m-%d")

    def clean(self, value, row=None, **kwargs):
        if is_blank(value):
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = str(value).strip()
        for fmt in self.input_formats:
            try:
                return datetime.datetime.strptime(text, fmt).date()
            except ValueError:
                continue
        raise ValueError(_("Wrong or impossible date «%(value)s»: expected DD.MM.YYYY.") % {"value": value})

    def render(self, value, obj=None, **kwargs):
        return value.strftime(DATE_FORMAT) if value else ""


class SeatsWidget(widgets.Widget):
    """A number of council seats: a whole number, written as text or as a spreadsheet's number."""

    def clean(self, value, row=None, **kwargs):
        if is_blank(value):
            return None
        try:
            number = float(str(value).strip().replace(",", "."))
        except ValueError:
            number = -1
        if not 0 <= number <= 32767 or not number.is_integer():
            raise ValueError(_("Number of seats must be a whole number, got «%(value)s».") % {"value": value})
        return int(number)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


def without_neutralising_quote(text: str) -> str:
    """``text`` without the quote :func:`cms.exports.safe_cell` put before it (an export imports back)."""
    if text.startswith("'") and text[1:].startswith(FORMULA_START):
        return text[1:]
    return text


class TextWidget(widgets.CharWidget):
    """Free text; exported neutralised (no cell starts a formula), read back without the neutralising quote.

    A number in a spreadsheet cell (a phone) is read without a trailing '.0'.
    """

    def clean(self, value, row=None, **kwargs):
        if is_blank(value):
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return without_neutralising_quote(str(value).strip())

    def render(self, value, obj=None, **kwargs):
        return safe_cell(super().render(value, obj, **kwargs))


class FieldsOfActivityWidget(widgets.Widget):
    """Names of fields of activity separated by ';' or ','."""

    def clean(self, value, row=None, **kwargs):
        if is_blank(value):
            return []
        names = []
        for name in _SEPARATORS.split(without_neutralising_quote(str(value).strip())):
            name = " ".join(name.split())
            if name and name.casefold() not in {n.casefold() for n in names}:
                names.append(name)
        return names

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return safe_cell("; ".join(term.name for term in value.all()))
