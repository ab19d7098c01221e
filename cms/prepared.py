"""Querysets compiled to SQL once per process, then run again with other values.

Django compiles a queryset to SQL each time it is evaluated. For a page type that is about 1 ms of
CPU (every column of ``wagtailcore_page`` and of the type's own table resolved, quoted and joined),
several times what PostgreSQL takes to answer, and a page request runs a few such reads of a fixed
shape (the routed page by its slug, an act's votes). A :class:`PreparedQuery` compiles its queryset
once per database, with a distinct placeholder value for each named parameter, finds where each
placeholder went in the SQL's parameters and afterwards runs that SQL through ``Model.objects.raw``
(model instances, the fields' database converters applied) with the real values in their places.

Only lookups that pass a value to the SQL unchanged can be prepared (``exact``, ``range``, ``in``
with one value, comparisons); ``startswith``, ``iexact`` and the like rewrite the value, and a
placeholder not found in the parameters is refused when the query is first compiled.
"""

from django.core.exceptions import EmptyResultSet
from django.db import connections, router

#: Placeholders: values no real row or filter uses, each distinct (an id or a depth near the top of
#: a 32-bit integer field's range, which Django would refuse to compare if out of it; a string
#: with control characters), so a parameter equal to one is that parameter.
_INT_BASE = 2_147_000_000
_STR_FORMAT = "\x1fprepared:{}\x1f"


def _placeholder_name(param, placeholders):
    """The name of the placeholder ``param`` is (the backend may have wrapped it: ``Int4(...)``)."""
    if isinstance(param, bool):
        return None
    for name, value in placeholders.items():
        if isinstance(param, int) and isinstance(value, int) and int(param) == value:
            return name
        if isinstance(param, str) and isinstance(value, str) and str(param) == value:
            return name
    return None


class PreparedQuery:
    """``build(**values)`` → a queryset of ``model``, compiled once per database, run with new values.

    ``params`` maps each keyword of ``build`` to its type (``int`` or ``str``). The queryset reads
    ``model``'s own rows: no ``select_related`` (``raw`` maps the columns by name) and no prefetch.
    """

    def __init__(self, model, build, **params):
        self.model = model
        self.build = build
        self.params = params
        self._compiled = {}

    def _placeholders(self) -> dict:
        values = {}
        for n, (name, kind) in enumerate(sorted(self.params.items())):
            if kind is int:
                values[name] = _INT_BASE + n
            elif kind is str:
                values[name] = _STR_FORMAT.format(n)
            else:
                raise TypeError(
                    f"parameter {name!r}: only int and str parameters can be prepared, not {kind}"
                )
        return values

    def _compile(self, alias):
        placeholders = self._placeholders()
        queryset = self.build(**placeholders)
        if queryset.model is not self.model:
            raise TypeError(f"the prepared query builds {queryset.model}, not {self.model}")
        try:
            sql, params = queryset.query.get_compiler(using=alias).as_sql()
        except EmptyResultSet as error:
            raise ValueError(
                f"prepared query of {self.model.__name__}: a placeholder is out of its field's range"
            ) from error
        slots = []
        found = set()
        for param in params:
            name = _placeholder_name(param, placeholders)
            slots.append((name, type(param), param))
            if name is not None:
                found.add(name)
        if missing := set(placeholders) - found:
            raise ValueError(
                f"prepared query of {self.model.__name__}: the value of {sorted(missing)} is rewritten "
                "by its lookup (startswith, iexact...) and cannot be prepared; use exact or range"
            )
        return sql, slots

    def __call__(self, **values) -> list:
        """The rows (model instances) for these values of the parameters."""
        if set(values) != set(self.params):
            raise TypeError(f"expected the parameters {sorted(self.params)}, got {sorted(values)}")
        alias = router.db_for_read(self.model)
        key = (alias, connections[alias].vendor)
        if key not in self._compiled:
            self._compiled[key] = self._compile(alias)
        sql, slots = self._compiled[key]
        params = [constant if name is None else kind(values[name]) for name, kind, constant in slots]
        return list(self.model.objects.raw(sql, params))
