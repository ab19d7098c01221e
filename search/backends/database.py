"""Wagtail's database search backend, keeping the site's lemma postings (``search.postings``) as well.

Set as ``{"BACKEND": "search.backends.database"}``. Everything Wagtail does with its database backend
(admin search, autocomplete, the registries, ``update_index``) is unchanged; whenever it indexes,
removes or resets pages, the postings that citizen search reads follow right after. Every
path that indexes goes through the index's ``add_items``/``delete_item``/``reset``: publishing and
unpublishing (Wagtail's signal handlers and its index task), ``update_index`` and the imports'
``cms.bulk.index_in_bulk``.
"""

import functools

from modelsearch.backends import database as wagtail_database
from wagtail.models import Page

from .. import postings


class PostingsIndexMixin:
    """Write postings for the pages an index adds, and drop them with the pages it removes."""

    def add_items(self, model, objs):
        objs = list(objs)
        super().add_items(model, objs)
        if issubclass(model, Page):
            postings.write(objs)

    def delete_item(self, item):
        super().delete_item(item)
        if isinstance(item, Page):
            postings.delete([item.pk])

    def reset(self):
        super().reset()
        postings.reset()


@functools.cache
def _with_postings(backend_class):
    """A subclass of one of Wagtail's database backends whose index keeps postings."""
    index_class = type(
        f"Postings{backend_class.index_class.__name__}", (PostingsIndexMixin, backend_class.index_class), {}
    )
    return type(
        f"Postings{backend_class.__name__}",
        (backend_class,),
        {"index_class": index_class, "keeps_postings": True},
    )


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    """Wagtail's backend for this database (FTS5 on SQLite, tsvector on PostgreSQL), keeping postings.

    Where Wagtail falls back to its plain ``LIKE`` backend (MySQL, SQLite without FTS5), postings are
    not kept and citizen search uses the backend as it is.
    """
    backend = wagtail_database.SearchBackend(params)
    if type(backend).__name__ not in ("SQLiteSearchBackend", "PostgresSearchBackend"):
        return backend
    return _with_postings(type(backend))(params)
