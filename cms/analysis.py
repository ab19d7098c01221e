"""Text analysis for Ukrainian search: normalisation, lemmatisation and act-number tokens.

A leaf module: it imports nothing of the project, so the page models (at index time), the legacy
importer and the query parser (at query time) call the very same functions and the index and the
query can never drift apart.

Words are reduced to their dictionary form with pymorphy3 and its Ukrainian dictionaries
(«рішенню» → «рішення», «слухань» → «слухання»); act numbers as people write them («4-49/2018»,
«№ 312») become one token each, so that a number matches as a whole.
"""

import functools
import re
import unicodedata

#: Queries longer than this are cut: bounded cost for any input.
MAX_QUERY_CHARS = 200
#: At most this many terms of a query are used.
MAX_QUERY_TERMS = 12

# Apostrophe look-alikes and typographic quotes that people and word processors type.
_APOSTROPHES = "\u2019\u02bc\u2018\u0060\u00b4\u02b9\u2032\uff07"
_QUOTES = "\u00ab\u00bb\u201c\u201d\u201e\u201f\u2039\u203a"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
#: Each look-alike and the character it stands for.
SUBSTITUTES = {**{c: "'" for c in _APOSTROPHES}, **{c: '"' for c in _QUOTES}, **{c: "-" for c in _DASHES}}
# A regular expression rather than ``str.translate``: in a long text the look-alikes are few, and a
# scan in C for them is ~50 times faster than translating character by character.
_LOOK_ALIKE = re.compile("[" + "".join(SUBSTITUTES) + "]")
# The characters that are not printable and common in documents: line breaks, tabs, no-break and
# other spaces, soft hyphens, zero-width marks and byte-order marks.
_COMMON_UNPRINTABLE = re.compile(
    "["
    + "".join(
        c
        for c in "\t\n\x0b\x0c\r\x85\xa0\xad\u1680\u2028\u2029\u202f\u205f\u3000\ufeff"
        + "".join(map(chr, range(0x2000, 0x2010)))
        if not c.isprintable()
    )
    + "]"
)

# A word: letters (with inner apostrophes or hyphens) or digits.
_WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*|\d+", re.UNICODE)
# An act number: digits with optional letters, joined by - / . (e.g. 4-49/2018, 312, 12/3-р, 01-12/45).
_NUMBER = re.compile(r"(?<![\w/-])\d+\w*(?:[-/.]\w+)*", re.UNICODE)

#: Words too frequent to tell documents apart; dropped at index and query time alike.
STOP_WORDS = frozenset(
    """
    а аби або адже але б би бо був була були було бути в вам вас ви він вона вони воно все всі
    вже від для до є же з за и із інший її їх й його к коли крім ли лише між мене ми мій на навіть
    над нам нас наш не неї нема ні ніж них ну о об однак окрім от по при про проте саме свій себе
    сей та так також там те тим тих то тобто той ту тут у хоч хоча це цей ці цим ця чи чого що щоб
    щодо як який яка яке які якщо
    """.split()
)


def normalize(text: str) -> str:
    """Unicode-normalise and unify apostrophes, quotes and dashes (``SUBSTITUTES``); every character
    that is not printable (line breaks, tabs, control and format characters) becomes a space."""
    text = _LOOK_ALIKE.sub(lambda match: SUBSTITUTES[match.group()], unicodedata.normalize("NFC", text or ""))
    if not text.isprintable():  # checked in C: a word or a title never loops over its characters
        text = _COMMON_UNPRINTABLE.sub(" ", text)
        if not text.isprintable():
            text = "".join(ch if ch.isprintable() else " " for ch in text)
    return text


@functools.lru_cache(maxsize=1)
def _morph():
    # Loading the dictionaries takes ~0.3 s and ~15 MB: once per process.
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="uk")


def _token(form: str) -> str:
    return form.replace("'", "").replace("-", "")


@functools.lru_cache(maxsize=200_000)
def lemma_variants(word: str) -> tuple[str, ...]:
    """The distinct dictionary forms of one word, most likely first, as index tokens.

    A form can belong to several lemmas («відходів» is «відходи» or «відхід»); index and query
    both keep every candidate, so a page matches when their candidates meet.
    """
    word = word.lower()
    if word.isdigit():
        return (word,)
    try:
        parses = _morph().parse(word)[:4]
    except (KeyError, ValueError):
        # pymorphy3 looks letters up by Unicode name; some scripts' letters have none (e.g. Tangut).
        parses = []
    variants = []
    for parse in parses:
        token = _token(parse.normal_form)
        if token not in variants:
            variants.append(token)
    return tuple(variants) or (_token(word),)


def number_token(number: str) -> str:
    """One token for an act number as written: «№ 4-49/2018» → «n4x49x2018», «312» → «n312».

    Letters are kept (Cyrillic too), separators become ``x`` so the search engine's own tokenizer
    keeps the whole number as a single word.
    """
    parts = re.findall(r"\w+", normalize(number).lower().replace("№", " "))
    return "n" + "x".join(parts) if parts else ""


def number_tokens(text: str) -> list[str]:
    """Tokens for every act-number-like sequence in a text."""
    return [token for match in _NUMBER.findall(normalize(text)) if (token := number_token(match))]


def words(text: str) -> list[str]:
    """The words of a text, normalised, in order (stop-words included)."""
    return _WORD.findall(normalize(text))


def lemmas(text: str) -> list[str]:
    """The most likely lemmas of a text in order, stop-words removed."""
    return [variants[0] for variants in lemma_groups(text)]


def lemma_groups(text: str) -> list[tuple[str, ...]]:
    """For each word of a text (stop-words removed), its candidate lemmas."""
    return [lemma_variants(word.lower()) for word in words(text) if word.lower() not in STOP_WORDS]


def index_text(*texts: str) -> str:
    """The analysed form of a document for the index: lemmas, then act-number tokens."""
    out = []
    for text in texts:
        if not text:
            continue
        for variants in lemma_groups(text):
            out.extend(variants)
        out.extend(number_tokens(text))
    return " ".join(out)


def clean_query(raw: str) -> str:
    """A query made safe: normalised, control characters gone, length bounded."""
    text = normalize(str(raw or ""))[:MAX_QUERY_CHARS]
    return " ".join(text.split())


def looks_like_number(query: str) -> bool:
    """True when a query is an act number as people write it («4-49/2018», «№ 312», «312»)."""
    text = clean_query(query).replace("№", "").strip()
    return bool(text) and bool(re.fullmatch(r"\d+\w*(?:\s?[-/.]\s?\w+)*", text))


def query_term_groups(query: str) -> list[tuple[str, ...]]:
    """The analysed terms of a query, each a tuple of alternatives (candidate lemmas), capped.

    Number tokens come as one-element groups after the words.
    """
    text = clean_query(query)
    groups = []
    for group in lemma_groups(text) + [(token,) for token in number_tokens(text)]:
        if group not in groups:
            groups.append(group)
    return groups[:MAX_QUERY_TERMS]


def query_terms(query: str) -> list[str]:
    """Every analysed term of a query (all candidate lemmas and number tokens), for highlighting."""
    return [term for group in query_term_groups(query) for term in group]
