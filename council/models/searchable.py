"""Deputies and meetings in the search index, by their lemmatised names (``cms.analysis``).

Each model says what it is called in ``search_texts()``; the index holds their lemmas, all
candidates of each word, as the pages' ``search_lemmas`` does, so the site search's query
(``search.query.build_query``) finds «Бойко» from «Бойка» and «Коваленко» from «Коваленком».
The texts are read in the site's language, whatever the language of the request that saved the record.
"""

from django.conf import settings
from django.db import models
from django.utils import translation
from modelsearch import index

from cms.analysis import index_text


class SearchableByName(index.Indexed, models.Model):
    """A record the site search finds by the words of its name (``search_texts``).

    An abstract model rather than a plain mixin: the Elasticsearch mapping names a field by the
    model that defines it, which must be a model.
    """

    search_fields = [index.SearchField("search_lemmas")]

    class Meta:
        abstract = True

    def search_texts(self) -> list[str]:
        raise NotImplementedError

    def search_lemmas(self) -> str:
        with translation.override(settings.LANGUAGE_CODE):
            return index_text(*(str(text) for text in self.search_texts() if text))
