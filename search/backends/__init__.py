"""Elasticsearch and OpenSearch backends that never make a save wait on a sick server.

They are Wagtail's own backends with these changes:

* index settings for Ukrainian text (see ``UKRAINIAN_INDEX_SETTINGS``); the lemmatised field
  ``search_lemmas`` is analysed in Python (``cms.analysis``), so no server plugin is needed;
* a quoted phrase of a query matches any of its words' candidate lemmas (``LemmaPhraseCompilerMixin``);
* a page's heading — the lemmas of its title and its requisites (act or document type, number;
  ``search.requisites``) — is indexed as ``HEADING_FIELD`` and weighs as much as the title
  (``HeadingMappingMixin``), as it does in the database's postings;
* index updates go through a circuit breaker: a failure or an open breaker queues the update in
  ``PendingIndexOperation`` instead of raising or waiting, and ``manage.py retry_search_updates``
  replays the queue;
* short client timeouts and no client-side retries, so one request costs at most ``TIMEOUT``.

Settings (``WAGTAILSEARCH_BACKENDS[alias]``): ``ALIAS`` (this entry's name, for the queue),
``BREAKER_THRESHOLD`` (failures before opening, default 3), ``BREAKER_COOL_DOWN`` (seconds, 60).
"""

from modelsearch.backends.elasticsearch8 import (
    Elasticsearch8Mapping,
    Elasticsearch8SearchBackend,
    Elasticsearch8SearchQueryCompiler,
)
from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9Mapping,
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchQueryCompiler,
)
from modelsearch.utils import deep_update
from wagtail.models import Page

from cms.analysis import SUBSTITUTES, apostrophe_mappings, index_text

from ..query import LemmaPhrase
from ..requisites import requisites_terms
from ..resilience import BreakerOpen, CircuitBreaker, queue_operation

#: The field that holds a page's heading lemmas (title and requisites).
HEADING_FIELD = "_heading_lemmas"
#: The boost of Wagtail's page title (``Page.search_fields``): the heading weighs the same.
HEADING_BOOST = next(f.boost for f in Page.search_fields if getattr(f, "field_name", "") == "title")

UKRAINIAN_INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "char_filter": {
                # The same apostrophe and quote unification as cms.analysis.normalize, and the
                # apostrophe typed as a soft sign or a double quote read as in cms.analysis.search_form
                # («сімья», «об"єкти» → «сім'я», «об'єкти»).
                "uk_apostrophes": {
                    "type": "mapping",
                    "mappings": [
                        *(f"{typed}=>{meant}" for typed, meant in SUBSTITUTES.items() if meant != "-"),
                        *apostrophe_mappings(),
                    ],
                },
            },
            "analyzer": {
                # Fields other than search_lemmas (titles, numbers): no stemming on the server, so
                # ranking does not depend on a plugin being present.
                "default": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "char_filter": ["uk_apostrophes"],
                    "filter": ["lowercase"],
                },
            },
        },
    },
}


class HeadingMappingMixin:
    """Index a page's heading lemmas and copy them into the title's boosted catch-all field."""

    def get_mapping(self):
        mapping = super().get_mapping()
        if issubclass(self.model, Page):
            boosted = self.get_boost_field_name(HEADING_BOOST)
            mapping["properties"][HEADING_FIELD] = {"type": "text", "copy_to": ["_all_text", boosted]}
            mapping["properties"].setdefault(boosted, {"type": "text"})
        return mapping

    def get_document(self, obj):
        document = super().get_document(obj)
        if isinstance(obj, Page):
            terms = index_text(obj.title).split() + sorted(requisites_terms(obj))
            document[HEADING_FIELD] = " ".join(dict.fromkeys(terms))
        return document


class LemmaPhraseCompilerMixin:
    """Match a quoted phrase (``search.query.LemmaPhrase``) as a phrase of any of its words' candidate
    lemmas («відходів» is «відходи» or «відхід»), not of the likeliest ones alone."""

    def _compile_phrase_query(self, query, fields):
        if not isinstance(query, LemmaPhrase):
            return super()._compile_phrase_query(query, fields)
        alternatives = [
            super(LemmaPhraseCompilerMixin, self)._compile_phrase_query(phrase, fields)
            for phrase in query.alternatives()
        ]
        if len(alternatives) == 1:
            return alternatives[0]
        return {"bool": {"should": alternatives, "minimum_should_match": 1}}


class Elasticsearch8PhraseQueryCompiler(LemmaPhraseCompilerMixin, Elasticsearch8SearchQueryCompiler):
    pass


class Elasticsearch9PhraseQueryCompiler(LemmaPhraseCompilerMixin, Elasticsearch9SearchQueryCompiler):
    pass


class Elasticsearch8HeadingMapping(HeadingMappingMixin, Elasticsearch8Mapping):
    pass


class Elasticsearch9HeadingMapping(HeadingMappingMixin, Elasticsearch9Mapping):
    pass


class ResilientBackendMixin:
    """Guard index writes with a circuit breaker and queue what fails (see the module docstring)."""

    def __init__(self, params):
        params = dict(params)
        self.alias = params.pop("ALIAS", "default")
        self.breaker = CircuitBreaker(
            self.alias,
            threshold=int(params.pop("BREAKER_THRESHOLD", 3)),
            cool_down=float(params.pop("BREAKER_COOL_DOWN", 60)),
        )
        # A copy: the Elasticsearch backend writes into OPTIONS, which must not change the settings.
        options = params["OPTIONS"] = dict(params.get("OPTIONS") or {})
        # One attempt per request: the breaker, not the client, decides when to try again.
        options.setdefault("max_retries", 0)
        options.setdefault("retry_on_timeout", False)
        params.setdefault("TIMEOUT", 2)
        params["INDEX_SETTINGS"] = deep_update(
            deep_update({}, UKRAINIAN_INDEX_SETTINGS), params.get("INDEX_SETTINGS", {}) or {}
        )
        super().__init__(params)

    def raw_add(self, obj):
        return super().add(obj)

    def raw_delete(self, obj):
        return super().delete(obj)

    def _guarded(self, action, obj, call):
        if self.breaker.is_open():
            queue_operation(backend=self.alias, obj=obj, action=action, error="circuit breaker open")
            return
        try:
            call()
        except Exception as exc:  # noqa: BLE001 - any transport error: keep the update for later
            self.breaker.record_failure()
            queue_operation(backend=self.alias, obj=obj, action=action, error=repr(exc))
            return
        self.breaker.record_success()

    def add(self, obj):
        self._guarded("add", obj, lambda: super(ResilientBackendMixin, self).add(obj))

    def add_bulk(self, model, obj_list):
        self.raise_if_unavailable()
        try:
            result = super().add_bulk(model, obj_list)
        except Exception:
            self.breaker.record_failure()
            raise
        self.breaker.record_success()
        return result

    def delete(self, obj):
        self._guarded("delete", obj, lambda: super(ResilientBackendMixin, self).delete(obj))

    def raise_if_unavailable(self):
        """Raise BreakerOpen (a ConnectionError) at once while the breaker is open."""
        if self.breaker.is_open():
            raise BreakerOpen(f"Search backend {self.alias} is unavailable (circuit breaker open)")


class Elasticsearch8Backend(ResilientBackendMixin, Elasticsearch8SearchBackend):
    """Elasticsearch 8 with Ukrainian index settings, weighed headings and a circuit breaker."""

    mapping_class = Elasticsearch8HeadingMapping
    query_compiler_class = Elasticsearch8PhraseQueryCompiler


class Elasticsearch9Backend(ResilientBackendMixin, Elasticsearch9SearchBackend):
    """Elasticsearch 9 with Ukrainian index settings, weighed headings and a circuit breaker."""

    mapping_class = Elasticsearch9HeadingMapping
    query_compiler_class = Elasticsearch9PhraseQueryCompiler


try:
    from modelsearch.backends.opensearch2 import (
        OpenSearch2Mapping,
        OpenSearch2SearchBackend,
        OpenSearch2SearchQueryCompiler,
    )

    class OpenSearch2HeadingMapping(HeadingMappingMixin, OpenSearch2Mapping):
        pass

    class OpenSearch2PhraseQueryCompiler(LemmaPhraseCompilerMixin, OpenSearch2SearchQueryCompiler):
        pass

    class OpenSearch2Backend(ResilientBackendMixin, OpenSearch2SearchBackend):
        """OpenSearch 2 with Ukrainian index settings, weighed headings and a circuit breaker."""

        mapping_class = OpenSearch2HeadingMapping
        query_compiler_class = OpenSearch2PhraseQueryCompiler
except ImportError:  # opensearch-py is optional
    pass

SearchBackend = Elasticsearch9Backend
