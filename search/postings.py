"""The site's own inverted index of lemmas, for citizen search on the database.

Why not the database backend's full-text index alone: it matches fine, but it ranks by computing a
score over every matching row (BM25 over FTS5 on SQLite, ``ts_rank`` over every tsvector on
PostgreSQL), which costs 0.3–0.8 s for a word that occurs in most of 20,000 pages, and a council
site is full of such words («рішення», «міської ради», «бюджет»). Here each page's terms are written
once, at index time, as rows (term, page, weight); a query reads only the rows of its own terms
through a covering (term, page, weight) index, adds up weights weighted by how rare each term is,
and keeps the best ``limit``. The same SQL runs on SQLite and PostgreSQL.

Only live pages have postings: unpublishing a page re-indexes it, which removes them.

The postings keep no positions. A quoted phrase (``search.query.LemmaPhrase``) is answered from the
pages that hold all its words, best first and at most ``PHRASE_CANDIDATES`` of them, whose texts are
read as the index reads them to keep those where the words stand together: an ordinary query costs
what it did, a phrase a bounded read more.
"""

import functools
import hashlib
import json
import math
import operator
from collections import Counter

from django.core.cache import cache
from django.db import connections, router, transaction
from django.db.models import Case, Count, F, IntegerField, Max, Q, Sum, Value, When
from modelsearch.query import And, Or, Phrase, PlainText
from wagtail.models import Page

from cms import analysis

from .models import Posting
from .requisites import requisites_terms, requisites_text
from .sql import insert_rows, pk_in

#: A term in the title weighs this much more than its occurrences in the text can; a term of the
#: page's requisites (its act or document type, its number) weighs as much again.
TITLE_WEIGHT = 30
#: Text occurrences count as in BM25: they saturate (k1), and count for more in a short text than in
#: a long one (b, against a typical page of TYPICAL_LENGTH terms; a constant, so that a page's
#: weights never change when other pages are indexed).
TF_WEIGHT = 10
K1 = 1.5
B = 0.5
TYPICAL_LENGTH = 300
MAX_TERM_LENGTH = Posting._meta.get_field("term").max_length


def posted(term: str) -> str:
    """A term as the postings keep it: a term longer than the column (a 120-letter compound, a pasted
    address) is kept by its first ``MAX_TERM_LENGTH`` characters, on the page's side and the query's
    alike, so such a word finds its page instead of being dropped from both."""
    return term[:MAX_TERM_LENGTH]


def term_weights(*, title: str, text: str, requisites=frozenset()) -> dict[str, int]:
    """The weight of each term of a page: ``text`` is its analysed text (``analysis.index_text``),
    ``requisites`` the analysed terms of its type and number (``search.requisites``)."""
    counts = Counter(text.split())
    in_title = set(analysis.index_text(title).split())
    norm = K1 * (1 - B + B * sum(counts.values()) / TYPICAL_LENGTH)
    weights = {}
    for term in counts.keys() | in_title | set(requisites):
        tf = counts[term]
        text_weight = TF_WEIGHT * tf * (K1 + 1) / (tf + norm)
        heading = TITLE_WEIGHT * ((term in in_title) + (term in requisites))
        key = posted(term)
        weights[key] = max(weights.get(key, 0), round(heading + text_weight))
    return weights


def write(pages) -> int:
    """Replace the postings of these pages (specific page instances); returns how many rows were written.

    A page that is not live, or has no analysed text, keeps no postings. The rows go in as plain
    tuples (``search.sql.insert_rows``: COPY on PostgreSQL): a page has a few hundred terms, and
    model instances would cost more than the SQL.
    """
    pages = list(pages)
    if not pages:
        return 0
    rows = []
    for page in pages:
        if page.live and hasattr(page, "search_lemmas"):
            weights = term_weights(
                title=page.title, text=page.search_lemmas(), requisites=requisites_terms(page)
            )
            rows.extend((term, page.pk, weight) for term, weight in weights.items())
    using = router.db_for_write(Posting)
    connection = connections[using]
    table = connection.ops.quote_name(Posting._meta.db_table)
    with transaction.atomic(using=using), connection.cursor() as cursor:
        delete([page.pk for page in pages])
        insert_rows(cursor, table, ("term", "page_id", "weight"), rows)
    return len(rows)


def delete(page_ids) -> None:
    """Remove the postings of these pages, in one statement whatever their number.

    Not ``QuerySet.delete()``: a receiver of every model's delete signals (there is one, without a
    sender) would make Django load each posting before deleting it.
    """
    page_ids = [int(pk) for pk in page_ids]
    if not page_ids:
        return
    using = router.db_for_write(Posting)
    connection = connections[using]
    table = connection.ops.quote_name(Posting._meta.db_table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"DELETE FROM {table} WHERE page_id = ANY(%s::integer[])", [page_ids])
        elif connection.vendor == "sqlite":
            cursor.execute(
                f"DELETE FROM {table} WHERE page_id IN (SELECT value FROM json_each(%s))",
                [json.dumps(page_ids)],
            )
        else:
            Posting.objects.filter(page_id__in=page_ids).delete()


def reset() -> None:
    """Remove every posting (the index is being rebuilt)."""
    using = router.db_for_write(Posting)
    connection = connections[using]
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {connection.ops.quote_name(Posting._meta.db_table)}")


#: Seconds a term's page count is reused: it steers ranking only, and changes slowly.
FREQUENCY_CACHE_SECONDS = 600


def _frequency_key(term):
    return "search:df:" + hashlib.blake2b(term.encode(), digest_size=12).hexdigest()


def document_frequencies(terms) -> dict[str, int]:
    """How many pages hold each term (cached for ``FREQUENCY_CACHE_SECONDS``: it only weighs terms)."""
    keys = {term: _frequency_key(term) for term in terms}
    cached = cache.get_many(keys.values())
    frequencies = {term: cached[key] for term, key in keys.items() if key in cached}
    missing = [term for term in terms if term not in frequencies]
    if missing:
        counted = dict(
            Posting.objects.filter(term__in=missing)
            .values("term")
            .annotate(n=Count("page"))
            .values_list("term", "n")
        )
        fresh = {term: counted.get(term, 0) for term in missing}
        # A term no page holds yet is not cached: the page that brings it must be found at once.
        cache.set_many({keys[term]: n for term, n in fresh.items() if n}, FREQUENCY_CACHE_SECONDS)
        frequencies.update(fresh)
    return frequencies


def _phrase_groups(phrase):
    """The words of a phrase, each as its candidate lemmas (``search.query.LemmaPhrase``), as posted."""
    groups = getattr(phrase, "groups", None) or [(word,) for word in phrase.query_string.split()]
    return [tuple(posted(term) for term in group) for group in groups]


def _terms(query):
    """Every term a query object names (PlainText words and phrases' words, through And and Or)."""
    if isinstance(query, PlainText):
        return query.query_string.split()
    if isinstance(query, Phrase):
        return [term for group in _phrase_groups(query) for term in group]
    if isinstance(query, (And, Or)):
        return [term for sub in query.subqueries for term in _terms(sub)]
    raise TypeError(f"Unsupported query: {query!r}")


def _has_phrase(query) -> bool:
    if isinstance(query, Phrase):
        return True
    return isinstance(query, (And, Or)) and any(_has_phrase(sub) for sub in query.subqueries)


def _condition(query, flags):
    """A HAVING condition on the per-term flags that holds when a page matches the query (for a
    phrase: when the page holds all its words, wherever they stand).

    None when no page can match: a term without a flag is in no page.
    """
    if isinstance(query, Phrase):
        parts = []
        for group in _phrase_groups(query):
            held = [Q(**{flags[term]: 1}) for term in group if term in flags]
            if not held:
                return None
            parts.append(functools.reduce(operator.or_, held))
        return functools.reduce(operator.and_, parts)
    if isinstance(query, PlainText):
        kept = [posted(term) for term in query.query_string.split()]
        parts = [Q(**{flags[term]: 1}) if term in flags else None for term in kept]
        match_all = query.operator.lower() == "and"
    else:
        parts = [_condition(sub, flags) for sub in query.subqueries]
        match_all = isinstance(query, And)
    if match_all and None in parts:
        return None
    parts = [part for part in parts if part is not None]
    if not parts:
        return None
    return functools.reduce(operator.and_ if match_all else operator.or_, parts)


def find(query, *, limit: int, within=None) -> list[int]:
    """Ids of the live pages that match ``query`` (a ``search.query.build_query`` object), best first.

    ``within``: a page queryset to search in (all live pages if None).

    A page's score is the sum over the query's terms of its weight for the term times the term's
    inverse document frequency; equal scores go newest first.
    """
    terms = sorted({posted(term) for term in _terms(query)})
    if not terms:
        return []
    flags = {term: f"t{i}" for i, term in enumerate(terms)}
    condition = _condition(query, flags)
    if condition is None:
        return []
    frequencies = document_frequencies(terms)
    total = cache.get_or_set("search:live-pages", lambda: Page.objects.filter(live=True).count(), 300)
    scale = {term: round(100 * math.log(1 + total / max(1, frequencies[term]))) for term in terms}
    annotations = {
        flag: Max(Case(When(term=term, then=Value(1)), default=Value(0), output_field=IntegerField()))
        for term, flag in flags.items()
    }
    score = Sum(
        Case(
            *[When(term=term, then=F("weight") * scale[term]) for term in terms],
            default=Value(0),
            output_field=IntegerField(),
        )
    )
    postings = Posting.objects.filter(term__in=terms)
    if within is not None:
        postings = postings.filter(page__in=within.values("pk"))
    matching = postings.values("page_id").annotate(score=score, **annotations).filter(condition)
    matching = matching.order_by("-score", "-page_id")
    if not _has_phrase(query):
        return list(matching.values_list("page_id", flat=True)[:limit])
    # The postings keep no positions: of the pages holding a phrase's words, the best
    # ``PHRASE_CANDIDATES`` are read and kept where the words stand together.
    rows = list(matching.values_list("page_id", *flags.values())[:PHRASE_CANDIDATES])
    matchers = {}
    found = []
    for start in range(0, len(rows), PHRASE_BATCH):
        batch = rows[start : start + PHRASE_BATCH]
        texts = _page_texts([row[0] for row in batch])
        for page_id, *held in batch:
            present = {term for term, flag in zip(flags, held, strict=True) if flag}
            if _holds(query, present, texts.get(page_id, []), matchers):
                found.append(page_id)
                if len(found) == limit:
                    return found
    return found


#: Pages holding a phrase's words that are read to find the words together, best first: a bound on
#: the cost of a phrase (each is read as the index reads it); a page beyond it is not found.
PHRASE_CANDIDATES = 200
#: Pages read at a time (the best ones often suffice).
PHRASE_BATCH = 50


def _page_texts(page_ids) -> dict[int, list[str]]:
    """The texts of these pages as the index reads them (``search_texts``, and their requisites)."""
    texts = {}
    for page in Page.objects.filter(pk__in=pk_in(page_ids)).specific():
        page_texts = page.search_texts() if hasattr(page, "search_texts") else [page.title]
        texts[page.pk] = [*page_texts, requisites_text(page)]
    return texts


def _holds(query, present, texts, matchers) -> bool:
    """Whether a page whose terms among the query's are ``present`` and whose texts are ``texts``
    matches ``query``: its phrases' words standing together (``analysis.PhraseMatcher``, one per
    phrase in ``matchers``, shared by the pages of a search)."""
    if isinstance(query, Phrase):
        groups = _phrase_groups(query)
        if not all(present.intersection(group) for group in groups):
            return False
        if id(query) not in matchers:
            matchers[id(query)] = analysis.PhraseMatcher(getattr(query, "groups", groups))
        return matchers[id(query)].found_in(texts)
    if isinstance(query, PlainText):
        held = [posted(term) in present for term in query.query_string.split()]
        return all(held) if query.operator.lower() == "and" else any(held)
    if isinstance(query, And):
        return all(_holds(sub, present, texts, matchers) for sub in query.subqueries)
    return any(_holds(sub, present, texts, matchers) for sub in query.subqueries)
