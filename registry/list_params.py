"""The query-string parameters of the registry's admin lists and exports, parsed by ``cms.params``.

A list takes its search (``q``), its page (``p``), its ordering (``o``, ``ot``) and the lookups of its
filters (``status__exact``, ``fields_of_activity__id__exact``, ``date__gte``…). A value that is not
what its filter can hold (``abc`` for an id, a NUL byte, «²», a 10,000-digit number, an unknown
parameter) is dropped with a sentence for the keeper instead of reaching the database.
"""

import datetime
import re

from django.db import models
from django.http import QueryDict
from django.utils.translation import gettext as _

from cms import params
from cms.dates import MAX_YEAR, MIN_YEAR

_ORDERING = re.compile(r"-?[0-9]{1,2}(\.-?[0-9]{1,2})*", re.ASCII)
_BOOLEANS = ("True", "False", "1", "0")
_MAX_ID = 2**31 - 1
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _printable(text: str, limit: int = 40) -> str:
    """A parameter's name fit for a notice: control characters removed, cut short."""
    return _UNPRINTABLE.sub("", text)[:limit]


def _ordering(raw, *, name):
    value = params.text(raw, name=name)
    if value and not _ORDERING.fullmatch(value):
        raise params.BadParameter(
            name, value, _("Unknown value «%(value)s» of «%(name)s».") % {"value": value, "name": name}
        )
    return value


def _date(raw, *, name):
    value = params.text(raw, name=name, max_length=32)
    try:
        day = datetime.date.fromisoformat(value) if value.isascii() else None
    except ValueError:
        day = None
    if day is None or not MIN_YEAR <= day.year <= MAX_YEAR:
        raise params.BadParameter(name, value, _("«%(value)s» is not a date.") % {"value": value})
    return value


def _lookup_parsers(model, field_name) -> dict:
    """The parameters the admin's list filter of ``field_name`` sends, each with its parser."""
    field = model._meta.get_field(field_name)
    parsers = {f"{field_name}__isnull": lambda raw, name: params.choice(raw, name=name, choices=_BOOLEANS)}
    if field.is_relation:
        parsers[f"{field_name}__id__exact"] = lambda raw, name: params.integer(
            raw, name=name, minimum=1, maximum=_MAX_ID
        )
    elif field.choices:
        parsers[f"{field_name}__exact"] = lambda raw, name: params.choice(
            raw, name=name, choices=field.choices
        )
    elif isinstance(field, models.DateField):
        for lookup in ("gte", "lt", "lte", "gt"):
            parsers[f"{field_name}__{lookup}"] = lambda raw, name: _date(raw, name=name)
    else:
        parsers[f"{field_name}__exact"] = lambda raw, name: params.text(raw, name=name)
    return parsers


def list_parsers(model, list_filter) -> dict:
    """Every parameter a modeladmin list of ``model`` with ``list_filter`` understands, with its parser."""
    parsers = {
        "q": lambda raw, name: params.text(raw, name=name),
        "p": lambda raw, name: params.integer(raw, name=name, minimum=0, maximum=_MAX_ID),
        "o": _ordering,
        "ot": lambda raw, name: params.choice(raw, name=name, choices=("asc", "desc")),
    }
    for field_name in list_filter:
        parsers.update(_lookup_parsers(model, field_name))
    return parsers


def clean_query(query: QueryDict, parsers: dict) -> tuple[QueryDict, list[str]]:
    """``query`` with the values ``parsers`` accept (stripped, blanks left out); a sentence per drop."""
    cleaned, notices = QueryDict(mutable=True), []
    for name, values in query.lists():
        parser = parsers.get(name)
        if parser is None:
            notices.append(_("Unknown parameter «%(name)s» ignored.") % {"name": _printable(name)})
            continue
        # Blank values (``?status__exact=``, ``?q=%20``) mean no filter: they would reach the
        # database as ``int('')`` or an empty full-text query.
        values = [value.strip() for value in values if value.strip()]
        try:
            for value in values:
                parser(value, name=name)
        except params.BadParameter as error:
            notices.append(_("%(problem)s The filter is not applied.") % {"problem": error})
            continue
        if values:
            cleaned.setlist(name, values)
    return cleaned, notices


def lookups(query: QueryDict) -> dict:
    """The filter lookups of a cleaned ``query`` for ``QuerySet.filter`` (booleans for ``__isnull``)."""
    found = {}
    for name in query:
        if "__" in name:
            value = query[name]
            found[name] = value in ("True", "1") if name.endswith("__isnull") else value
    return found
