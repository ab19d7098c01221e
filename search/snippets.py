"""The snippet under a search result: the page's text from the first sentence that holds a query
word, matches marked, escaped by ``format_html`` (no hand-built HTML is marked safe).

A snippet never starts with a stray number or date («17 …», «· 25 січня 2019»): the title, the
number and the other requisites the result shows already are left out, and a sentence's leading
dates, numbers and punctuation are dropped. A sentence said twice (a lead repeated as the body's
first paragraph, a summary that repeats the title) is shown once.
"""

import html
import re

from django.utils.html import format_html, format_html_join

from cms import analysis

#: Characters of text a snippet shows at most.
WIDTH = 240
#: Characters of a page's text read to find the snippet (bounded cost for a long attachment).
MAX_SOURCE = 20_000

_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ-][^\W\d_]+)*|\d+")
# A sentence ends with . ! ? … followed by space, or at a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\s*\n\s*")
_TAG = re.compile(r"<[^>]*>")
_MONTHS = "січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня"
# What may not open a snippet: punctuation and bullets (opening quotes and brackets may), numbers and
# dates, «року», «р.».
_LEADING_JUNK = re.compile(
    rf"^(?:(?:[^\w«\"(]|_)+|\d+(?:[-/.:]\d+)*|(?:{_MONTHS}|року|рік|р\.)(?![^\W\d_]))+",
    re.IGNORECASE,
)


def plain(text: str) -> str:
    """Text without its HTML markup (a rich-text field's value), entities decoded."""
    return html.unescape(_TAG.sub(" ", text)) if "<" in text or "&" in text else text


def _key(sentence: str) -> str:
    return " ".join(w.lower() for w in _WORD.findall(sentence))


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
        for raw in _SENTENCE_END.split(analysis.normalize(text)):
            sentence = _LEADING_JUNK.sub("", raw.strip())
            key = _key(sentence)
            if not key or key in seen or not re.search(r"[^\W\d_]", sentence):
                continue
            seen.add(key)
            out.append(sentence)
    return out


def _matches(word: str, wanted) -> bool:
    return bool(wanted.intersection(analysis.lemma_variants(analysis.normalize(word).lower())))


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
    if len(text) > width:
        cut = text.rfind(" ", 0, width)
        text = text[: cut if cut > width // 2 else width].rstrip(" ,;:—-") + "…"
    return _marked(text, wanted)
