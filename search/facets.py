"""Facets of a search: what each candidate page is (type, act type, issuer, year, month, commission),
the filters a visitor chose among them, and the counts the page shows beside each value."""

import dataclasses
import datetime
from collections import Counter, defaultdict

from django.contrib.contenttypes.models import ContentType
from django.utils.dates import MONTHS
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page

from cms import params
from cms.behaviours import PublicationDated
from pages.models import ActType, CommissionDocumentPage, Issuer

from .sql import pk_in

#: In the order the page shows them.
FACETS = ("type", "act_type", "issuer", "year", "month", "commission")
#: Each facet's heading on the page.
HEADINGS = {
    "type": gettext_lazy("Content type"),
    "act_type": gettext_lazy("Act type"),
    "issuer": gettext_lazy("Issuer"),
    "year": gettext_lazy("Year"),
    "month": gettext_lazy("Month"),
    "commission": gettext_lazy("Commission"),
}
#: Facets of time: their values are listed newest first, the others by count.
BY_TIME = ("year", "month")


@dataclasses.dataclass
class PageFacts:
    """What the facets need to know about one candidate page."""

    content_type: int
    date: datetime.date | None = None
    act_type: str = ""
    issuer: int | None = None
    commission: int | None = None

    def value(self, name):
        """This page's value of facet ``name`` (None: the page has none)."""
        if name == "type":
            return self.content_type
        if name == "year":
            return self.date.year if self.date else None
        if name == "month":
            return month_key(self.date) if self.date else None
        return getattr(self, name) or None


def month_key(day: datetime.date) -> str:
    """A month as the site's URLs write it: ``YYYY-MM``."""
    return f"{day.year:04d}-{day.month:02d}"


def page_facts(ids) -> dict[int, PageFacts]:
    """PageFacts for each id, in a query per page type present among them (and one for commissions)."""
    content_types = dict(Page.objects.filter(pk__in=pk_in(ids)).order_by().values_list("pk", "content_type"))
    facts = {pk: PageFacts(content_type=ct) for pk, ct in content_types.items()}
    by_model = defaultdict(list)
    for pk, ct in content_types.items():
        by_model[ContentType.objects.get_for_id(ct).model_class()].append(pk)
    for model, pks in by_model.items():
        if model is None or not issubclass(model, PublicationDated):
            continue
        names = {f.name for f in model._meta.get_fields()}
        is_act = "act_type" in names
        columns = ("pk", "date", "act_type", "issuer") if is_act else ("pk", "date")
        for row in model.objects.filter(pk__in=pk_in(pks)).order_by().values_list(*columns):
            fact = facts[row[0]]
            fact.date = row[1]
            if is_act:
                fact.act_type, fact.issuer = row[2] or "", row[3]
    commission_documents = by_model.get(CommissionDocumentPage)
    if commission_documents:
        paths = dict(Page.objects.filter(pk__in=commission_documents).values_list("pk", "path"))
        parent_ids = dict(
            Page.objects.filter(path__in={p[: -Page.steplen] for p in paths.values()}).values_list(
                "path", "pk"
            )
        )
        for pk, path in paths.items():
            facts[pk].commission = parent_ids.get(path[: -Page.steplen])
    return facts


def _month(raw, *, name):
    day = params.month(raw, name=name)
    return month_key(day) if day else None


#: How each facet's value is read from the query string (``cms.params``: a bad value is refused).
PARSERS = {
    "type": lambda raw, name: params.integer(raw, name=name, minimum=1),
    "act_type": lambda raw, name: params.choice(raw, name=name, choices=ActType.values),
    "issuer": lambda raw, name: params.integer(raw, name=name, minimum=1),
    "year": lambda raw, name: params.year(raw, name=name),
    "month": _month,
    "commission": lambda raw, name: params.integer(raw, name=name, minimum=1),
}


def chosen_filters(query_params) -> tuple[dict, list[str]]:
    """Facet values chosen in the query string, and a notice for each value that was ignored."""
    chosen, notices = {}, []
    for name in FACETS:
        try:
            value = PARSERS[name](query_params.get(name), name=name)
        except params.BadParameter as error:
            notices.append(_("%(problem)s The filter was ignored.") % {"problem": error})
            continue
        if value is not None:
            chosen[name] = value
    return chosen, notices


def labels(name, values) -> dict:
    """The label of each value of facet ``name``, as a list item reads: with a capital («Акт»,
    «Рішення виконавчого комітету», «Березень 2024»)."""
    return {value: capfirst(str(label)) for value, label in _labels(name, values).items()}


def _labels(name, values):
    if name == "type":
        labels = {}
        for pk in values:
            try:
                model = ContentType.objects.get_for_id(pk).model_class()  # cached by Django
            except ContentType.DoesNotExist:  # a chosen filter naming no type: shown as it was typed
                model = None
            labels[pk] = model._meta.verbose_name if model else str(pk)
        return labels
    if name == "act_type":
        return {value: ActType(value).label for value in values if value in ActType.values}
    if name == "issuer":
        return dict(Issuer.objects.filter(pk__in=values).values_list("pk", "name"))
    if name == "commission":
        return dict(Page.objects.filter(pk__in=values).values_list("pk", "title"))
    if name == "month":
        return {value: f"{str(MONTHS[int(value[5:])]).lower()} {value[:4]}" for value in values}
    return {value: str(value) for value in values}


def _order(name, counts):
    if name in BY_TIME:
        return sorted(counts.items(), key=lambda item: item[0], reverse=True)
    return sorted(counts.items(), key=lambda item: (-item[1], str(item[0])))


def facets(matching, facts, chosen) -> list[dict]:
    """For each facet with a value among ``matching`` pages: its heading, and its values' labels,
    counts and selection.

    Months are offered once the pages fall in one year (a year chosen, or results of one year): ten
    years of results would list some 120 months, a list nobody reads, above the results for a screen
    reader and in the way on a phone.
    """
    out = []
    years = 0
    for name in FACETS:
        if name == "month" and years > 1:
            continue  # not counted either: months come after the years (FACETS)
        counts = Counter(v for pk in matching if (v := facts[pk].value(name)) is not None)
        if name == "year":
            years = len(counts)
        if not counts:
            continue
        names = labels(name, counts)
        values = [
            {"value": v, "label": names.get(v, str(v)), "count": c, "selected": chosen.get(name) == v}
            for v, c in _order(name, counts)
        ]
        out.append({"name": name, "heading": HEADINGS[name], "values": values})
    return out
