"""Reading registry files: CSV in UTF-8 or Windows-1251 with any usual delimiter, XLSX and JSON."""

import csv
import io
import json

import tablib
from django.utils.translation import gettext as _
from import_export.formats import base_formats

from .columns import is_blank

FORMATS = ("csv", "xlsx", "json")
ENCODINGS = ("auto", "utf-8", "cp1251")
DELIMITERS = {"auto": None, "semicolon": ";", "comma": ",", "tab": "\t"}


class RegistryFileError(ValueError):
    """A file that cannot be read as a registry table at all; the message is for editors."""


def guess_format(file_name: str) -> str | None:
    extension = file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""
    return extension if extension in FORMATS else None


def decode_text(content: bytes, encoding: str = "auto") -> str:
    """Decode a text file: UTF-8 (with or without BOM) first, then Windows-1251, as Ukrainian Excel saves."""
    if encoding != "auto":
        try:
            return content.decode("utf-8-sig" if encoding == "utf-8" else encoding)
        except UnicodeDecodeError as error:
            raise RegistryFileError(
                _("The file is not in the %(encoding)s encoding (byte %(position)d).")
                % {"encoding": encoding, "position": error.start}
            ) from error
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1251", errors="strict")


def sniff_delimiter(text: str) -> str:
    """The delimiter of a CSV text, judged by its header line: ';' (Ukrainian Excel), ',' or tab."""
    header = text.split("\n", 1)[0]
    counts = {delimiter: header.count(delimiter) for delimiter in (";", ",", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def read_dataset(
    *, content: bytes, file_format: str, encoding: str = "auto", delimiter: str = "auto"
) -> tablib.Dataset:
    """Read an uploaded CSV, XLSX or JSON file into a dataset, trailing empty rows dropped.

    Raises RegistryFileError with an editor-readable message for a file that cannot be read.
    """
    if file_format not in FORMATS:
        raise RegistryFileError(_("Unsupported file format: choose CSV, XLSX or JSON."))
    try:
        if file_format == "csv":
            text = decode_text(content, encoding)
            chosen = DELIMITERS.get(delimiter) or sniff_delimiter(text)
            dataset = tablib.Dataset()
            rows = list(csv.reader(io.StringIO(text), delimiter=chosen))
            if not rows:
                raise RegistryFileError(_("The file is empty."))
            dataset.headers = rows[0]
            width = len(rows[0])
            for position, row in enumerate(rows[1:], 2):
                if len(row) > width and all(is_blank(cell) for cell in row[width:]):
                    row = row[:width]
                if len(row) > width:
                    raise RegistryFileError(
                        _(
                            "Row %(row)d has %(found)d cells but the header has %(expected)d: "
                            "check the delimiter."
                        )
                        % {"row": position, "found": len(row), "expected": width}
                    )
                row = row + [""] * (width - len(row))
                dataset.append(row)
        elif file_format == "xlsx":
            dataset = base_formats.XLSX().create_dataset(content)
        else:
            records = json.loads(decode_text(content, encoding))
            if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
                raise RegistryFileError(_("A JSON file must hold a list of objects, one per organisation."))
            headers = list(dict.fromkeys(key for record in records for key in record))
            dataset = tablib.Dataset(
                *[[record.get(h, "") for h in headers] for record in records], headers=headers
            )
    except RegistryFileError:
        raise
    except Exception as error:  # a broken workbook, invalid JSON, a CSV that is not a table
        raise RegistryFileError(
            _("The file could not be read as %(format)s: %(error)s")
            % {"format": file_format.upper(), "error": error}
        ) from error
    while len(dataset) and all(is_blank(value) for value in dataset[-1]):
        del dataset[-1]
    if not dataset.headers:
        raise RegistryFileError(_("The file has no header row."))
    return dataset
