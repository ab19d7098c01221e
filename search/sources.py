"""Records other than pages in the site search: a registry of sources that the apps above fill.

The search page finds pages (``search.ranking``). An app whose records people look up by name —
the council's deputies and meetings — registers a :class:`Source` from its ``AppConfig.ready``
(search imports no app above it): an indexed model's records to search (``modelsearch.index.Indexed``,
with the lemmatised text of ``cms.analysis.index_text`` in a search field, as the pages have), and
a function that turns the records found into :class:`Hit` rows the search page shows above the pages.

The query is the pages' query (``search.query.build_query``: the same lemmas, so «Бойка» finds
«Бойко»), run on the default backend with the database as a fallback (``search.ranking.with_fallback``).
A source that fails even so is left out and logged: it never takes the search page down.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.functional import Promise

from .query import build_query
from .ranking import with_fallback

logger = logging.getLogger(__name__)

#: Records shown per source: a name query wants the few best, the pages follow.
DEFAULT_LIMIT = 5


@dataclass(frozen=True)
class Hit:
    """One record found: its title, the address of its page (None: it has none yet), a line about it."""

    title: str
    url: str | None
    meta: str = ""


@dataclass(frozen=True)
class Source:
    """Records of one kind the site search finds: ``records()`` to search, ``hits(found)`` to show."""

    name: str
    label: Promise
    records: Callable[[], QuerySet]
    hits: Callable[[list], list[Hit]]
    limit: int = DEFAULT_LIMIT


SOURCES: dict[str, Source] = {}


def register_source(source: Source) -> None:
    """Add a source to the site search, from an app's ``AppConfig.ready``."""
    SOURCES[source.name] = source


def _found(source: Source, query) -> list:
    def search(backend):
        return list(backend.search(query, source.records())[: source.limit])

    found, _fallback = with_fallback(search)
    return found


def find_hits(raw: str) -> list[dict]:
    """For each registered source with a match, ``{"name", "label", "hits"}``, in registration order."""
    query = build_query(raw) if SOURCES else None
    if query is None:
        return []
    groups = []
    for source in SOURCES.values():
        try:
            hits = source.hits(_found(source, query))
        except Exception as exc:  # noqa: BLE001 - a source that fails is left out, never an error page
            logger.warning("Search source %s failed: %r", source.name, exc)
            continue
        if hits:
            groups.append({"name": source.name, "label": source.label, "hits": hits})
    return groups
