"""Deputies found in articles by their names as the press writes them.

A deputy's entry holds the full name («Бойко Олександр Миколайович»). The press declines it
(«Олександра Бойка», «депутатові Бойку»), shortens it («О. Бойко», «Бойко О.М.») or gives the surname
after a title («депутата Бойка»). A surname alone is never enough: «Бойко» is a common surname (and
«бойко» an adverb), so a bare surname would flood the matches. A deputy is mentioned where the
surname, written with a capital letter, stands

* beside the first name (either order, any case): «Олександр Бойко», «Бойка Олександра»;
* beside the first name's initial: «О. Бойко», «О.М. Бойка», «Бойко О. М.»;
* within three words after «депутат», «депутатка», «секретар», «обранець», «обраниця»
  («депутата Бойка», «депутат міської ради Бойко») — and only when no other watched deputy shares the
  surname, for a title says nothing of which Бойко.

A name part matches a written word when their lemmas (``cms.analysis``) meet or when the word is the
part's stem with a case ending: the morphological dictionary does not know every surname.
"""

import re
from dataclasses import dataclass

from cms.analysis import lemma_variants
from council.names import name_parts

#: Lemmas of the words that, just before a surname, say it is a deputy's.
TITLES = frozenset({"депутат", "депутатка", "секретар", "обранець", "обраниця"})
TITLE_REACH = 3
#: Ukrainian case endings of nouns and of adjectival surnames, for names the dictionary lacks.
ENDINGS = frozenset(
    "а я у ю і ї о е ом ем єм ові еві єві ою ею єю ій ої ого ому им ім ими их ів".split() + [""]
)
_VOWELS = "аеєиіїоуюяйь"


def stem(part: str) -> str:
    """A name part without its final vowel, «й» or «ь» (kept whole when that would leave 3 letters)."""
    return part[:-1] if len(part) > 4 and part[-1] in _VOWELS else part


@dataclass(frozen=True)
class NamePart:
    """One part of a name (lower-case), its stem and lemmas, to recognise its written forms."""

    text: str
    stem: str
    lemmas: frozenset[str]

    @classmethod
    def of(cls, part: str) -> "NamePart":
        return cls(part, stem(part), frozenset(lemma_variants(part)))

    def written_as(self, word: str, lemmas: frozenset[str]) -> bool:
        """Whether ``word`` (as written, with its lemmas) is a form of this part."""
        low = word.lower()
        if low == self.text or lemmas & self.lemmas:
            return True
        return low.startswith(self.stem) and low[len(self.stem) :] in ENDINGS


@dataclass(frozen=True)
class Person:
    """A watched deputy: surname, first name and the first name's initial."""

    entry: object
    surname: NamePart
    first_name: NamePart
    initial: str

    @classmethod
    def of(cls, entry) -> "Person | None":
        parts = name_parts(entry.phrase)
        if len(parts) < 2 or len(parts[1]) < 2:
            return None
        return cls(entry, NamePart.of(parts[0]), NamePart.of(parts[1]), parts[1][0].upper())


def _initials_before(text: str, start: int, initial: str) -> int | None:
    """Where «О.» or «О. М.» ends just before ``start`` begins, or None."""
    found = re.search(rf"(?<!\w){initial}\.\s?(?:\w\.\s?)?\s*$", text[max(0, start - 12) : start])
    return max(0, start - 12) + found.start() if found else None


def _initials_after(text: str, end: int, initial: str) -> int | None:
    found = re.match(rf"\s+{initial}\.(?:\s?\w\.)?", text[end : end + 12])
    return end + found.end() if found else None


def find_people(text: str, tokens, people: list[Person]) -> list[tuple[Person, int, int]]:
    """(person, start, end) of the first mention of each person in ``text`` (see the module's rules).

    ``tokens`` are the text's non-stop-word tokens (``matching.tokens``), with their places and lemmas.
    """
    shared = {p.surname.stem for p in people if sum(q.surname.stem == p.surname.stem for q in people) > 1}
    found = {}
    for i, token in enumerate(tokens):
        word = text[token.start : token.end]
        if not word[:1].isupper():
            continue
        for person in people:
            if person.entry.pk in found or not person.surname.written_as(word, token.lemmas):
                continue
            span = _span(text, tokens, i, person, ambiguous=person.surname.stem in shared)
            if span:
                found[person.entry.pk] = (person, *span)
    return list(found.values())


def _span(text: str, tokens, i: int, person: Person, *, ambiguous: bool) -> tuple[int, int] | None:
    """The span of the mention around the surname at ``tokens[i]``, or None if it is not one."""
    token = tokens[i]
    for j in (i - 1, i + 1):
        if 0 <= j < len(tokens):
            other = tokens[j]
            between = text[min(token.end, other.end) : max(token.start, other.start)]
            written = text[other.start : other.end]
            if (
                written[:1].isupper()
                and not between.strip(" ")
                and person.first_name.written_as(written, other.lemmas)
            ):
                return min(token.start, other.start), max(token.end, other.end)
    if (start := _initials_before(text, token.start, person.initial)) is not None:
        return start, token.end
    if (end := _initials_after(text, token.end, person.initial)) is not None:
        return token.start, end
    if not ambiguous:
        for title in tokens[max(0, i - TITLE_REACH) : i]:
            if title.lemmas & TITLES:
                return title.start, token.end
    return None
