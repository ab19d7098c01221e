"""ASCII slugs for Ukrainian titles (the site allows no Unicode slugs): the official 2010 transliteration."""

import re

from django.utils.text import slugify

_TABLE = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "h",
    "ґ": "g",
    "д": "d",
    "е": "e",
    "є": "ie",
    "ж": "zh",
    "з": "z",
    "и": "y",
    "і": "i",
    "ї": "i",
    "й": "i",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ь": "",
    "ю": "iu",
    "я": "ia",
    "ы": "y",
    "э": "e",
    "ё": "io",
    "ъ": "",
    "'": "",
    "’": "",
    "ʼ": "",
}


def transliterate(text: str) -> str:
    return "".join(_TABLE.get(char, char) for char in text.lower().replace("зг", "zgh"))


def make_slug(title: str, max_length: int = 80) -> str:
    """A readable ASCII slug of a title, cut at a word boundary; ``item`` if nothing is left."""
    slug = slugify(transliterate(title))[:max_length]
    if len(slug) == max_length and "-" in slug:
        slug = slug.rsplit("-", 1)[0]
    return re.sub(r"-+$", "", slug) or "item"
