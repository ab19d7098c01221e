"""Ukrainian-to-Latin transliteration by the official table (Cabinet of Ministers resolution
No. 55 of 27 January 2010), used for readable URLs.

A leaf module: it imports nothing of the project. The table itself comes from ``uklatn``
(its ``KMU_55`` scheme), which gets the positional rules right («є ї й ю я» are «ye yi y yu ya»
at the start of a word and «ie i i iu ia» elsewhere; «зг» is «zgh»). It keeps the modifier-letter
apostrophe «ʼ» (U+02BC, the one Ukrainian orthography recommends) as a letter, though the table
drops every apostrophe, so apostrophes are removed before transliterating.
"""

import re

import uklatn

_APOSTROPHES = re.compile("['’ʼ`]")


def transliterate_uk(text: str) -> str:
    """Transliterate Ukrainian text to Latin by the KMU-2010 table, keeping the case of letters.

    >>> print(transliterate_uk("Згурівка, Їжакевич, Знамʼянка"))
    Zghurivka, Yizhakevych, Znamianka
    """
    return uklatn.encode(_APOSTROPHES.sub("", text), uklatn.KMU_55)


def slugify_uk(text: str, max_length: int = 255) -> str:
    """A lower-case ASCII slug of Ukrainian text: transliterated, words joined by hyphens."""
    latin = transliterate_uk(text).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", latin).strip("-")
    return slug[:max_length].rstrip("-")


# The letters the Wagtail admin's slug field writes for a Ukrainian title (its urlify.js:
# the Ukrainian map over the Russian one), to recognise a slug the editor did not touch.
_ADMIN_JS_TABLE = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "h",
    "ґ": "g",
    "д": "d",
    "е": "e",
    "є": "ye",
    "ж": "zh",
    "з": "z",
    "и": "y",
    "і": "i",
    "ї": "yi",
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
    "ю": "yu",
    "я": "ya",
    "ё": "yo",
    "ъ": "",
    "ы": "y",
    "э": "e",
}


def admin_default_slugs(text: str) -> set[str]:
    """The slugs an editor gets without typing one: ours and the one the Wagtail admin fills in."""
    admin = "".join(_ADMIN_JS_TABLE.get(char, char) for char in text.lower())
    admin = re.sub(r"[^a-z0-9]+", "-", admin).strip("-")
    return {"", slugify_uk(text), admin[:255].rstrip("-")}


#: Longest readable file name (without the extension): room for the storage's «_abc1234» de-duplication
#: suffix within the document model's 100-character ``file`` column, «documents/» included.
_FILENAME_STEM_LENGTH = 60


def readable_filename(*, title: str, filename: str) -> str:
    """A file name a citizen can read: the title transliterated, with the file's own extension.

    >>> print(readable_filename(title="Рішення № 123 від 15.01.2024", filename="2ca76ad35559.PDF"))
    rishennia-123-vid-15-01-2024.pdf

    The title may already end in the extension (the multiple upload takes the file name as the title);
    without a usable title the original name is transliterated instead.
    """
    stem, dot, extension = filename.rpartition(".")
    if not dot:
        stem, extension = filename, ""
    extension = re.sub(r"[^a-z0-9]", "", extension.lower())[:10]
    readable_title = title.strip()
    if extension and readable_title.lower().endswith("." + extension):
        readable_title = readable_title[: -len(extension) - 1]
    slug = (
        slugify_uk(readable_title, _FILENAME_STEM_LENGTH)
        or slugify_uk(stem, _FILENAME_STEM_LENGTH)
        or "document"
    )
    return f"{slug}.{extension}" if extension else slug
