"""An act's requisites as search weighs them: its type and number count as much as its title.

A citizen who types «рішення», «розпорядження» or «протокол» means the kind of document, and the
kind is not in the title («Про встановлення тарифів…»): it is the act's type. The type's words (in
the site's language, whatever language the indexing process runs in) and the number are therefore
given the weight of title words, both in the site's postings (``search.postings``) and in the
Elasticsearch mapping (``search.backends``), from this one function.
"""

import datetime

from django.conf import settings
from django.utils import translation

from cms.analysis import date_token, index_text
from pages.models import ActType

#: Choice fields whose label names the kind of a page («Рішення міської ради», «Висновок»).
KIND_FIELDS = ("act_type", "doc_type")
#: Dates a citizen may know a page by.
DATE_FIELDS = ("adopted_on", "date")


def requisites_text(page) -> str:
    """The words that name what ``page`` is: its type's label (and slug word) and its number."""
    parts = []
    with translation.override(settings.LANGUAGE_CODE):
        for name in KIND_FIELDS:
            display = getattr(page, f"get_{name}_display", None)
            if display is not None and getattr(page, name, ""):
                parts.append(str(display()))
        act_type = getattr(page, "act_type", "")
        if act_type in ActType.values:
            parts.append(str(ActType(act_type).data.slug_word))
    parts.append(getattr(page, "number", "") or "")
    return " ".join(part for part in parts if part)


def requisites_terms(page) -> set[str]:
    """The analysed terms of ``requisites_text`` (lemmas and act-number tokens), and the tokens of the
    page's dates (an act's adoption, a page's publication): «12.03.2026», «12.3.2026» or «12 березня
    2026» finds the act of that day."""
    terms = set(index_text(requisites_text(page)).split())
    for name in DATE_FIELDS:
        day = getattr(page, name, None)
        if isinstance(day, datetime.date):
            terms.add(date_token(day))
    return terms
