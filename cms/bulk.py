"""Helpers for bulk work: reading in chunks, and indexing what bulk writes left out of search.

Bulk writes (``bulk_create``, ``update``) send no ``post_save``, so the imports index what they wrote
once they are done, through :func:`index_in_bulk`.
"""

from collections.abc import Iterable, Iterator
from itertools import islice

from modelsearch.backends import get_search_backends


def chunked(iterable: Iterable, size: int) -> Iterator[list]:
    """Lists of at most ``size`` items of ``iterable``, read lazily."""
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk


def index_in_bulk(model, pks: Iterable, *, chunk_size: int) -> int:
    """Add the ``model`` objects with these primary keys to every auto-updated search backend.

    In chunks of ``chunk_size``, so that an Elasticsearch bulk request or a database statement, and
    the objects loaded for it, stay small whatever the size of the import. Returns how many were indexed.
    """
    backends = list(get_search_backends(with_auto_update=True))
    total = 0
    for chunk in chunked(pks, chunk_size):
        objects = list(model.get_indexed_objects().filter(pk__in=chunk))
        for backend in backends:
            backend.add_bulk(model, objects)
        total += len(objects)
    return total
