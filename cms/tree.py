"""Bulk writing of the page tree: many new pages appended under their parents in a few queries.

Wagtail has no bulk page API, and ``add_child`` + ``save_revision().publish()`` costs tens of
queries per page. :class:`PageTree` appends pages as the last children of their parents in bulk
and keeps treebeard's materialised-path invariants, so that ``Page.find_problems()`` and
``manage.py fixtree`` find nothing (tested on SQLite and PostgreSQL, ``tests/cms/test_tree.py``):

- a child's ``path`` is its parent's path plus one step of ``Page.steplen`` characters of
  ``Page.alphabet`` (treebeard's public class attributes), numbered after the last existing child;
- ``depth`` is the parent's plus one, ``url_path`` the parent's plus the slug;
- each parent's ``numchild`` grows by the number of pages appended under it.

The module knows Wagtail's ``Page`` and no page type of ours. Multi-table page types are written in
two steps because ``bulk_create`` refuses multi-table inheritance: :meth:`PageTree.create` inserts the
``wagtailcore_page`` rows with ``bulk_create``, then :func:`insert_specific` inserts the rows of the
specific table through public APIs only (``Model._meta``, ``Field.pre_save``/``get_db_prep_save``
and a cursor), the way Django's own ``loaddata`` writes one table of an inherited model.
"""

from collections import Counter

from django.db import connections, router
from django.db.models import F
from wagtail.models import Page


def step_to_key(step: int) -> str:
    """The ``Page.steplen``-character path step numbered ``step`` (1-based), in ``Page.alphabet``."""
    alphabet, steplen = Page.alphabet, Page.steplen
    if not 0 < step < len(alphabet) ** steplen:
        raise ValueError(f"step {step} does not fit in {steplen} characters of the page tree's alphabet")
    key = ""
    while step:
        step, digit = divmod(step, len(alphabet))
        key = alphabet[digit] + key
    return key.rjust(steplen, alphabet[0])


def key_to_step(key: str) -> int:
    """The number of a path step: the inverse of :func:`step_to_key`."""
    step = 0
    for char in key:
        step = step * len(Page.alphabet) + Page.alphabet.index(char)
    return step


class PageTree:
    """Places new pages as the last children of their parents and writes them in bulk.

    One instance per run: it remembers the next free step under each parent it has placed pages
    under. Call :meth:`forget` after a rolled-back transaction, so that steps are read again.
    """

    def __init__(self):
        self._next_step = {}
        self._placed = Counter()

    def forget(self):
        """Forget the steps and counts read or placed so far (after a rollback)."""
        self._next_step.clear()
        self._placed.clear()

    def _first_free_step(self, parent) -> int:
        last = (
            Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        return key_to_step(last[-Page.steplen :]) + 1 if last else 1

    def place(self, page, parent):
        """Set the tree fields of the unsaved ``page`` (its slug set) as the next child of ``parent``.

        A page without a locale takes its parent's.
        """
        if parent.pk not in self._next_step:
            self._next_step[parent.pk] = self._first_free_step(parent)
        step = self._next_step[parent.pk]
        self._next_step[parent.pk] = step + 1
        page.path = parent.path + step_to_key(step)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        if page.locale_id is None:
            page.locale_id = parent.locale_id  # as Wagtail's add_child does
        self._placed[parent.pk] += 1
        return page

    def create(self, pages):
        """Insert the placed ``Page`` rows with ``bulk_create`` and update their parents' ``numchild``.

        ``pages`` may be ``Page`` instances or instances of a specific page type (then only their
        ``wagtailcore_page`` columns are written here: see :func:`insert_specific`).
        """
        created = Page.objects.bulk_create(pages)
        for page in created:
            if page.pk is None:
                page.pk = page.id  # a specific page: its primary key is the link to its Page row
        for parent_id, count in self._placed.items():
            Page.objects.filter(pk=parent_id).update(numchild=F("numchild") + count)
        self._placed.clear()
        return created


def insert_specific(model, pages, *, batch_size: int = 500) -> None:
    """Insert the rows of ``model``'s own table for pages whose ``wagtailcore_page`` rows exist.

    ``pages`` are ``model`` instances with ``page_ptr_id`` set. Only the columns of the specific
    table are written (``model._meta.local_concrete_fields``), each value prepared by its field as
    ``Model.save()`` would (``pre_save`` then ``get_db_prep_save``).
    """
    if not pages:
        return
    using = router.db_for_write(model)
    connection = connections[using]
    fields = model._meta.local_concrete_fields
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(field.column) for field in fields),
        ", ".join(["%s"] * len(fields)),
    )
    rows = [
        [field.get_db_prep_save(field.pre_save(page, True), connection) for field in fields] for page in pages
    ]
    with connection.cursor() as cursor:
        for start in range(0, len(rows), batch_size):
            cursor.executemany(sql, rows[start : start + batch_size])
