"""Titles offered as one types in a search box, and when a search finds nothing."""

import logging

from wagtail.models import Page

from cms import analysis

from .ranking import with_fallback

logger = logging.getLogger(__name__)

#: Newest matches considered for the search box's suggestions.
SUGGESTION_CANDIDATES = 50
#: Shortest query that gets suggestions, and longest part of it that is read.
MIN_CHARS, MAX_CHARS = 2, 100


def suggest_titles(query: str, limit: int = 8) -> list[dict]:
    """Titles of live pages with words starting like the query's: the default backend's autocomplete,
    the database's when the search server fails.

    Ranking every match by relevance costs the database backend seconds at 20,000 pages, so the
    newest matches are taken unranked and those whose title starts with the query come first.
    Stop-words are dropped, except the word being typed. The query is read as the search reads it
    (``analysis.search_form``: a Latin look-alike typed in a Cyrillic word is the Cyrillic letter).
    """
    words = analysis.search_words(query)[:5]
    words = [w for w in words[:-1] if w not in analysis.STOP_WORDS] + words[-1:]
    if not words:
        return []
    pages = Page.objects.live().public().order_by("-id")  # newest first, along the primary key

    def newest_matches(backend):
        matches = backend.autocomplete(" ".join(words), pages, order_by_relevance=False)
        return list(matches[:SUGGESTION_CANDIDATES])

    try:
        results, _fallback = with_fallback(newest_matches)
    except Exception as exc:  # noqa: BLE001 - a suggestion is never worth an error page
        logger.warning("Suggestions failed: %r", exc)
        return []
    start = analysis.search_form(query.strip())
    results.sort(
        key=lambda page: not analysis.search_form(page.title).startswith(start)
    )  # stable: newest first
    return [{"title": page.title, "url": page.url} for page in results[:limit]]


def suggestions_for(raw) -> list[dict]:
    """Suggestions for what the search box sent (anything: it is cleaned and bounded first)."""
    query = analysis.clean_query(raw or "")[:MAX_CHARS]
    return suggest_titles(query) if len(query) >= MIN_CHARS else []
