"""What the import commands share: the file with its reading options, read or refused in Ukrainian."""

from pathlib import Path

import tablib
from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from . import files


def add_file_arguments(parser, *, formats=files.FORMATS) -> None:
    """The file to import, its format (``formats``; by the extension by default), encoding and delimiter."""
    parser.add_argument("file", help="the file to import")
    parser.add_argument("--format", choices=formats, help="file format (default: by extension)")
    parser.add_argument("--encoding", choices=files.ENCODINGS, default="auto", help="CSV encoding")
    parser.add_argument("--delimiter", choices=list(files.DELIMITERS), default="auto", help="CSV delimiter")


def read_file(options, *, formats=files.FORMATS) -> tablib.Dataset:
    """The rows of the command's file; ``CommandError`` naming what is wrong with it."""
    path = Path(options["file"])
    if not path.is_file():
        raise CommandError(_("File not found: %(path)s") % {"path": path})
    file_format = options["format"] or files.guess_format(path.name)
    if file_format not in formats:
        raise CommandError(
            _("Cannot tell the format from the file name: give --format %(formats)s.")
            % {"formats": "|".join(formats)}
        )
    try:
        return files.read_dataset(
            content=path.read_bytes(),
            file_format=file_format,
            encoding=options["encoding"],
            delimiter=options["delimiter"],
        )
    except files.RegistryFileError as error:
        raise CommandError(str(error)) from error
