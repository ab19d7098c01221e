"""The snippet under a search result: the page's text from the first sentence that holds a query
word, matches marked, escaped by ``format_html`` (no hand-built HTML is marked safe).

A snippet never starts with a stray number or date («17 …», «· 25 січня 2019»): the title, the
number and the other requisites the result shows already are left out, and a sentence's leading
dates, numbers and punctuation are dropped. A sentence said twice (a lead repeated as the body's
first paragraph, a summary that repeats the title) is shown once.

The text is shown as the page writes it (its quotes, dashes and apostrophes: «…», —, ’), and where
the first match lies beyond the snippet's width — a decision's preamble is one sentence of several
hundred characters — the snippet starts a few words before the match, after an ellipsis.
"""

import html
import re

from django.utils.html import format_html, format_html_join

from cms import analysis

#: Characters of text a snippet shows at most.
WIDTH = 240
#: Characters of a page's text read to find the snippet (bounded cost for a long attachment).
MAX_SOURCE = 20_000

#: Words shown before the first match when the snippet cannot start at its sentence: about this many
#: characters.
LEAD_IN = 60

# A word as the page writes it: letters joined by any apostrophe or a hyphen, or digits.
_WORD = re.compile(rf"[^\W\d_]+(?:[{re.escape(analysis.APOSTROPHES)}\-\u2010\u2011][^\W\d_]+)*|\d+")
# A sentence ends with . ! ? … followed by space, or at a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\s*\n\s*")
#: Abbreviations after whose full stop the sentence goes on, as the council writes addresses, people,
#: sums and references («гр. Бойку», «вул. Гоголя», «ст. 26», «тис. грн»); an initial («Т. Г.») too.
ABBREVIATIONS = frozenset(
    """
    гр вул просп пров пл бульв буд корп кв обл р-н смт ст пп ім див напр зокр тис млн млрд
    тел каб год хв рр іл табл дод розд абз
    """.split()
)
_LAST_WORD = re.compile(r"(?:^|[^\w-])([^\W\d_]+(?:-[^\W\d_]+)?)\.$")
_TAG = re.compile(r"<[^>]*>")
_MONTHS = "січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня"
# What may not open a snippet: punctuation and bullets (opening quotes and brackets may), numbers and
# dates, «року», «р.».
_LEADING_JUNK = re.compile(
    rf"^(?:(?:[^\w«\"„“(]|_)+|\d+(?:[-/.:]\d+)*|(?:{_MONTHS}|року|рік|р\.)(?![^\W\d_]))+",
    re.IGNORECASE,
)


def plain(text: str) -> str:
    """Text without its HTML markup (a rich-text field's value), entities decoded."""
    return html.unescape(_TAG.sub(" ", text)) if "<" in text or "&" in text else text


def _key(sentence: str) -> str:
    return " ".join(w.lower() for w in _WORD.findall(analysis.normalize(sentence)))


def _goes_on(piece: str) -> bool:
    """Whether ``piece`` ends with an abbreviation or an initial, not with the end of a sentence."""
    last = _LAST_WORD.search(piece)
    return last is not None and (len(last.group(1)) == 1 or last.group(1).lower() in ABBREVIATIONS)


def _split(text: str) -> list[str]:
    pieces = []
    for piece in _SENTENCE_END.split(text):
        if pieces and _goes_on(pieces[-1]):
            pieces[-1] += " " + piece
        else:
            pieces.append(piece)
    return pieces


def sentences(texts, *, skip=()) -> list[str]:
    """The sentences of ``texts`` in order, each starting with a word, none twice, none of ``skip``."""
    seen = {_key(text) for text in skip if text}
    out, budget = [], MAX_SOURCE
    for text in texts:
        if budget <= 0:
            break
        if not text or _key(text[:budget]) in seen:
            continue
        text = plain(text[:budget])
        budget -= len(text)
        for raw in _split(analysis.printable(text)):
            sentence = _LEADING_JUNK.sub("", raw.strip())
            key = _key(sentence)
            if not key or key in seen or not re.search(r"[^\W\d_]", sentence):
                continue
            seen.add(key)
            out.append(sentence)
    return out


def _matches(word: str, wanted) -> bool:
    """Whether ``word`` (or a part of a hyphenated word: the index keeps the parts) has a wanted lemma."""
    word = analysis.normalize(word).lower()
    return any(
        wanted.intersection(analysis.lemma_variants(part)) for part in (word, *analysis.hyphen_parts(word))
    )


def _first_match(text: str, wanted):
    return next((word for word in _WORD.finditer(text) if _matches(word.group(), wanted)), None)


def _marked(text: str, wanted):
    """``text`` as escaped HTML with the words whose lemma is wanted in ``<mark>``."""
    pairs, pos = [], 0
    for word in _WORD.finditer(text):
        if _matches(word.group(), wanted):
            pairs.append((text[pos : word.start()], word.group()))
            pos = word.end()
    return format_html("{}{}", format_html_join("", "{}<mark>{}</mark>", pairs), text[pos:])


def snippet(texts, terms, *, skip=(), width: int = WIDTH):
    """Safe HTML: the text of ``texts`` from the first sentence holding one of ``terms`` (lemmas),
    cut to about ``width`` characters, matches marked; the first sentences if none holds one."""
    found = sentences(texts, skip=skip)
    wanted = set(terms)
    start = next((i for i, s in enumerate(found) if any(_matches(w, wanted) for w in _WORD.findall(s))), 0)
    text = " ".join(found[start:])
    match = _first_match(text, wanted) if len(text) > width else None
    if match is not None and match.end() > _cut(text, width):
        # Start a few words before the match, at a word: the match must be in sight.
        begin = text.rfind(" ", 0, max(0, match.start() - LEAD_IN)) + 1
        text = "…" + text[begin if begin else match.start() :]
    if len(text) > width:
        text = text[: _cut(text, width)].rstrip(" ,;:—-") + "…"
    return _marked(text, wanted)


def _cut(text: str, width: int) -> int:
    """Where a text longer than ``width`` is cut: at the last space before it, unless that is too early."""
    cut = text.rfind(" ", 0, width)
    return cut if cut > width // 2 else width
