"""From what a citizen typed to a backend query: analysis, synonyms, act numbers."""

from functools import reduce

from django.core.cache import cache
from modelsearch.query import And, Or, PlainText

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


def build_query(raw: str, *, groups=None, match_all: bool = True):
    """A Wagtail query object for the analysed query, or None if nothing searchable is left.

    Every term must match (AND), or with ``match_all=False`` any of them (OR); a term or phrase that
    belongs to a synonym group matches any phrase of its group.
    """
    term_groups = analysis.query_term_groups(raw)
    if not term_groups:
        return None
    terms = [group[0] for group in term_groups]
    groups = synonym_groups() if groups is None else groups
    alternatives = []
    covered = set()
    for phrases in groups:
        hit = next((phrase for phrase in phrases if _contains(terms, phrase)), None)
        if hit is None:
            continue
        covered.update(hit)
        alternatives.append(Or([PlainText(" ".join(phrase), operator="and") for phrase in phrases]))
    parts = [_any_of(group) for group in term_groups if group[0] not in covered] + alternatives
    combine = And if match_all else Or
    return reduce(lambda a, b: combine([a, b]), parts)
