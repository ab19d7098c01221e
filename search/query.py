"""From what a citizen typed to a backend query: analysis, synonyms, act numbers."""

import itertools
from functools import reduce

from django.core.cache import cache
from modelsearch.query import And, Or, Phrase, PlainText

from cms import analysis

from .models import SynonymGroup

#: Where the analysed synonym groups are cached; ``SynonymGroup`` saves and deletes drop it.
SYNONYMS_CACHE_KEY = "search:synonym-groups"


def synonym_groups():
    """Editors' synonym groups, each a list of analysed phrases (lists of lemmas); cached."""
    groups = cache.get(SYNONYMS_CACHE_KEY)
    if groups is None:
        groups = _analysed_synonym_groups()
        cache.set(SYNONYMS_CACHE_KEY, groups, None)
    return groups


def forget_synonyms(**kwargs):
    cache.delete(SYNONYMS_CACHE_KEY)


def _analysed_synonym_groups():
    groups = []
    for group in SynonymGroup.objects.all():
        phrases = [analysis.lemmas(term) for term in group.term_list()]
        phrases = [phrase for phrase in phrases if phrase]
        if len(phrases) > 1:
            groups.append(phrases)
    return groups


def _contains(terms, phrase):
    n = len(phrase)
    return any(terms[i : i + n] == phrase for i in range(len(terms) - n + 1))


def _any_of(group):
    if len(group) == 1:
        return PlainText(group[0])
    return Or([PlainText(term) for term in group])


#: Combinations of a phrase's candidate lemmas a search server matches at most.
MAX_ALTERNATIVES = 8


class LemmaPhrase(Phrase):
    """A quoted phrase of a query, analysed: its words' candidate lemmas (``groups``), in order.

    Wagtail's ``Phrase`` of each word's likeliest lemma, as Elasticsearch matches it in the
    lemmatised field (``search.backends`` matches each combination of candidates); the site's postings
    check the page's words against every candidate (``search.postings``).
    """

    def __init__(self, groups):
        self.groups = [tuple(group) for group in groups]
        super().__init__(" ".join(group[0] for group in self.groups))

    def alternatives(self) -> list[Phrase]:
        """Phrases of the words' candidate lemmas, the likeliest first, at most ``MAX_ALTERNATIVES``."""
        combinations = itertools.islice(itertools.product(*self.groups), MAX_ALTERNATIVES)
        return [Phrase(" ".join(words)) for words in combinations]

    def __repr__(self):
        return f"<LemmaPhrase {self.groups!r}>"


def _split(raw: str):
    """A query's unquoted text (with the one-word phrases: a word in quotes is that word) and its
    phrases of two words or more, each as its words' candidate lemmas."""
    rest, quoted = analysis.split_phrases(analysis.clean_query(raw))
    phrases = []
    for phrase in quoted:
        words = analysis.lemma_groups(phrase)
        if len(words) > 1:
            phrases.append(words[: analysis.MAX_QUERY_TERMS])
        else:
            rest += " " + phrase
    return rest, phrases


def query_units(raw: str) -> int:
    """How many parts of a query must match: each quoted phrase one, every other term one."""
    rest, phrases = _split(raw)
    return len(phrases) + len(analysis.query_term_groups(rest))


def build_query(raw: str, *, groups=None, match_all: bool = True):
    """A Wagtail query object for the analysed query, or None if nothing searchable is left.

    Every term must match (AND), or with ``match_all=False`` any of them (OR); a term or phrase that
    belongs to a synonym group matches any phrase of its group. A quoted phrase (``"бюджет міста"``,
    «бюджет міста», „бюджет міста“) matches where its words stand together in its order
    (``LemmaPhrase``); its words have no synonyms.
    """
    rest, phrases = _split(raw)
    term_groups = analysis.query_term_groups(rest)
    if not term_groups and not phrases:
        return None
    terms = [group[0] for group in term_groups]
    groups = synonym_groups() if groups is None else groups
    alternatives = []
    covered = set()
    for synonyms in groups:
        hit = next((phrase for phrase in synonyms if _contains(terms, phrase)), None)
        if hit is None:
            continue
        covered.update(hit)
        alternatives.append(Or([PlainText(" ".join(phrase), operator="and") for phrase in synonyms]))
    parts = [_any_of(group) for group in term_groups if group[0] not in covered] + alternatives
    parts += [LemmaPhrase(words) for words in phrases]
    combine = And if match_all else Or
    return reduce(lambda a, b: combine([a, b]), parts)
