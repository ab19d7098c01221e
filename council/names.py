"""Deputies' names as people write them, reduced to one comparable form.

Roll-call tables and commission lists spell one deputy many ways: «Бойко Олександр Миколайович»,
«бойко о.м.», «Бойко О. М.», «О.М. Бойко», with ʼ, ' or ’ for the apostrophe and now and then a
Latin «i» typed for the Cyrillic «і». ``name_key`` gives every spelling of a full name one key;
``could_be`` tells whether a short form (surname and initials) fits a full name, and ``match_name``
picks the one deputy a name denotes, or none when it is unknown or ambiguous.
"""

import re
from collections.abc import Iterable
from typing import TypeVar

from cms.analysis import normalize

T = TypeVar("T")

# A name part: letters with inner apostrophes or hyphens («Дем'яненко», «Лисенко-Коваль»).
_PART = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*", re.UNICODE)
# An apostrophe, or a double quote standing for one, between two letters.
_APOSTROPHE = re.compile(r"(?<=[^\W\d_])['\"](?=[^\W\d_])")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Latin letters that look like Cyrillic ones, typed by mistake inside a Cyrillic word.
# Compared lower-cased, so «B», «H», «M», «T» count too (as «в», «н», «м», «т»).
_LOOKALIKES = str.maketrans("abcehikmoptxy", "авсенікмортху")


def name_parts(name: str) -> list[str]:
    """The parts of ``name``, lower-cased, apostrophes unified, initials as one-letter parts."""
    parts = []
    for part in _PART.findall(normalize(name).casefold()):
        if _CYRILLIC.search(part):
            part = part.translate(_LOOKALIKES)
        parts.append(part)
    if len(parts) > 1 and len(parts[-1]) > 1 and all(len(p) == 1 for p in parts[:-1]):
        parts = parts[-1:] + parts[:-1]  # «О.М. Бойко»: the surname goes first
    return parts


def name_key(name: str) -> str:
    """One key for every spelling of a full name: «Дем’яненко  ОЛЕНА» → «дем'яненко олена»."""
    return " ".join(name_parts(name))


def could_be(short: str, full: str) -> bool:
    """Whether ``short`` (a full name or surname with initials) can denote ``full``.

    The surnames must be equal; every further part of ``short`` must equal the matching part of
    ``full`` or be its initial: «Бойко О.М.» could be «Бойко Олександр Миколайович», not
    «Бойко Оксана Іванівна».
    """
    short_parts, full_parts = name_parts(short), name_parts(full)
    if not short_parts or len(short_parts) > len(full_parts) or short_parts[0] != full_parts[0]:
        return False
    return all(
        s == f or (len(s) == 1 and f.startswith(s))
        for s, f in zip(short_parts[1:], full_parts[1:], strict=False)
    )


def match_name(name: str, candidates: Iterable[tuple[str, T]]) -> tuple[T | None, list[T]]:
    """The one candidate ``name`` denotes, and the ambiguous ones when there are several.

    ``candidates`` are (full name, object) pairs. An exact match of keys wins; otherwise the
    short-form matches are taken, and more than one of them is an ambiguity, never a guess.
    """
    candidates = list(candidates)
    key = name_key(name)
    exact = [obj for full, obj in candidates if name_key(full) == key]
    if len(exact) == 1:
        return exact[0], []
    if exact:
        return None, exact
    fitting = [obj for full, obj in candidates if could_be(name, full)]
    if len(fitting) == 1:
        return fitting[0], []
    if fitting:
        return None, fitting
    # Voting systems and old encodings drop the apostrophe («Демяненко») or write «"» for it: with
    # nothing found, the names are compared without it, still never guessing between two.
    bare = _without_apostrophes(name)
    fitting = [obj for full, obj in candidates if could_be(bare, _without_apostrophes(full))]
    if len(fitting) == 1:
        return fitting[0], []
    return None, fitting


def _without_apostrophes(name: str) -> str:
    return _APOSTROPHE.sub("", normalize(name))
