"""Ukrainian-to-Latin transliteration by the official table (Cabinet of Ministers resolution
No. 55 of 27 January 2010), used for readable URLs.

A leaf module: it imports nothing of the project. The PyPI transliterators we looked at
(``cyrtranslit``, ``transliterate``) map letters one-to-one and so miss the two rules of the
official table that depend on position: «є ї й ю я» are written «ye yi y yu ya» at the start
of a word and «ie i i iu ia» elsewhere, and «зг» is written «zgh» to tell it from «ж».
"""

import re

# Letters whose spelling depends on whether they open a word: (at the start, elsewhere).
_POSITIONAL = {
    "є": ("ye", "ie"),
    "ї": ("yi", "i"),
    "й": ("y", "i"),
    "ю": ("yu", "iu"),
    "я": ("ya", "ia"),
}
_TABLE = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "ж": "zh", "з": "z",
    "и": "y", "і": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ь": "", "'": "", "’": "", "ʼ": "", "`": "",
    # Russian letters met in old titles, for completeness (not in the Ukrainian table).
    "ё": "io", "ъ": "", "ы": "y", "э": "e",
}
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_APOSTROPHES = {"'", "’", "ʼ", "`"}


def transliterate_uk(text: str) -> str:
    """Transliterate Ukrainian text to Latin by the KMU-2010 table, keeping the case of letters.

    >>> print(transliterate_uk("Згурівка, Їжакевич, Знам'янка"))
    Zghurivka, Yizhakevych, Znamianka
    """
    out = []
    previous = ""
    for index, char in enumerate(text):
        lower = char.lower()
        word_start = not previous or not (_LETTER.match(previous) or previous in _APOSTROPHES)
        if lower in _POSITIONAL:
            latin = _POSITIONAL[lower][0 if word_start else 1]
        elif lower == "г" and previous.lower() == "з":
            latin = "gh"
        elif lower in _TABLE:
            latin = _TABLE[lower]
        else:
            latin = char
            lower = None
        if lower is not None and char != lower and latin:
            # An upper-case letter: capitalise the first Latin letter, or all of them when
            # the word around it is written in capitals (ЖИТОМИР -> ZHYTOMYR).
            following = text[index + 1: index + 2]
            all_caps = following.isupper() or (previous.isupper() and not following.islower())
            latin = latin.upper() if all_caps else latin[0].upper() + latin[1:]
        out.append(latin)
        previous = char
    return "".join(out)


def slugify_uk(text: str, max_length: int = 255) -> str:
    """A lower-case ASCII slug of Ukrainian text: transliterated, words joined by hyphens."""
    latin = transliterate_uk(text).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", latin).strip("-")
    return slug[:max_length].rstrip("-")


# The letters the Wagtail admin's slug field writes for a Ukrainian title (its urlify.js:
# the Ukrainian map over the Russian one), to recognise a slug the editor did not touch.
_ADMIN_JS_TABLE = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ye", "ж": "zh", "з": "z",
    "и": "y", "і": "i", "ї": "yi", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ь": "", "ю": "yu", "я": "ya", "ё": "yo", "ъ": "", "ы": "y", "э": "e",
}


def admin_default_slugs(text: str) -> set[str]:
    """The slugs an editor gets without typing one: ours and the one the Wagtail admin fills in."""
    admin = "".join(_ADMIN_JS_TABLE.get(char, char) for char in text.lower())
    admin = re.sub(r"[^a-z0-9]+", "-", admin).strip("-")
    return {"", slugify_uk(text), admin[:255].rstrip("-")}
