"""Watch-list entries found in articles, through the site's own Ukrainian analysis.

A phrase and a text are both reduced to their lemmas (``cms.analysis``), so «міському голові» in an
article matches the entry «міський голова». A phrase matches where its lemma sequence occurs in the
text's lemma sequence, word for word (stop-words are skipped on both sides, as in search). Act
numbers match as whole number tokens («№ 4-49/2018» is one token, never «49»). Deputies match by
their names as the press writes them (``people``: surname with first name, initial or title).
"""

import re
from dataclasses import dataclass

from django.db import transaction

from cms.analysis import STOP_WORDS, lemma_variants, normalize, number_token, number_tokens, words

from .models import Article, Mention, WatchEntry, WatchKind
from .people import Person, find_people

SNIPPET_CHARS = 90


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    lemmas: frozenset[str]


@dataclass(frozen=True)
class Match:
    entry: WatchEntry
    phrase: str
    snippet: str


def tokens(text: str) -> list[Token]:
    """The non-stop-words of a normalised text with their places and candidate lemmas."""
    found, cursor = [], 0
    for word in words(text):
        start = text.find(word, cursor)
        cursor = start + len(word)
        if word.lower() not in STOP_WORDS:
            found.append(Token(start, cursor, frozenset(lemma_variants(word.lower()))))
    return found


def phrase_lemmas(phrase: str) -> list[frozenset[str]]:
    return [token.lemmas for token in tokens(normalize(phrase))]


def snippet(text: str, start: int, end: int, width: int = SNIPPET_CHARS) -> str:
    """The words around ``text[start:end]``, cut at word boundaries, with ellipses where cut."""
    left, right = max(0, start - width), min(len(text), end + width)
    if left > 0:
        left = text.find(" ", left, start) + 1 or left
    if right < len(text):
        right = text.rfind(" ", end, right) if text.rfind(" ", end, right) > 0 else right
    body = " ".join(text[left:right].split())
    return ("…" if left > 0 else "") + body + ("…" if right < len(text) else "")


class WatchList:
    """The enabled entries, analysed once, to be matched against many articles."""

    def __init__(self, entries):
        self.phrases = []
        self.numbers = []
        self.people = []
        for entry in entries:
            if entry.kind == WatchKind.DEPUTY:
                if person := Person.of(entry):
                    self.people.append(person)
            elif entry.kind == WatchKind.ACT_NUMBER:
                if token := number_token(entry.phrase):
                    self.numbers.append((entry, token))
            elif lemmas := phrase_lemmas(entry.phrase):
                self.phrases.append((entry, lemmas))

    @classmethod
    def load(cls):
        return cls(WatchEntry.objects.filter(enabled=True))

    def match(self, text: str) -> list[Match]:
        """Each entry found in ``text`` once, with the words as written and a snippet of the first place."""
        text = normalize(text)
        found = []
        article_tokens = tokens(text)
        for entry, lemmas in self.phrases:
            size = len(lemmas)
            for i in range(len(article_tokens) - size + 1):
                window = article_tokens[i : i + size]
                if all(token.lemmas & wanted for token, wanted in zip(window, lemmas, strict=True)):
                    start, end = window[0].start, window[-1].end
                    found.append(Match(entry, text[start:end], snippet(text, start, end)))
                    break
        for person, start, end in find_people(text, article_tokens, self.people):
            found.append(Match(person.entry, text[start:end], snippet(text, start, end)))
        if self.numbers:
            present = set(number_tokens(text))
            for entry, token in self.numbers:
                if token in present:
                    written = re.search(re.escape(entry.phrase.replace("№", "").strip()), text)
                    start, end = written.span() if written else (0, 0)
                    found.append(Match(entry, entry.phrase, snippet(text, start, end)))
        return found


@transaction.atomic
def record_mentions(*, article: Article, watch_list: WatchList) -> list[Mention]:
    """Match an article's title and text and store its mentions anew (matching again replaces them)."""
    article.mentions.all().delete()
    matches = watch_list.match(f"{article.title}\n{article.text}")
    return Mention.objects.bulk_create(
        Mention(article=article, entry=m.entry, phrase=m.phrase[:300], snippet=m.snippet) for m in matches
    )
