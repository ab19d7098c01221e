"""The kinds of things the site publishes, each declared once, with what other rooms need to know of it.

Reports, importers, exports, facets and deadline rules read these classes and the data beside them;
none spells a kind again. A kind added to a class without data of its own still works everywhere:
``data`` falls back to what its label says (tested by adding a kind in a test).
"""

import dataclasses

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy, pgettext_lazy


@dataclasses.dataclass(frozen=True)
class KindData:
    """What is said of one kind besides its label.

    ``count`` is an ``ngettext_lazy(..., "count")`` phrase, used as ``count % {"count": n}``
    («12 рішень міської ради»); ``chart_label`` is the short label of a report chart's bar.
    """

    count: Promise | None = None
    chart_label: Promise | None = None

    def count_phrase(self, label, n: int) -> str:
        if self.count is not None:
            return self.count % {"count": n}
        return f"{label}: {n}"


#: Per kind class, the data of each of its members (filled below each class).
KIND_DATA: dict[type, dict[str, KindData]] = {}


class _KindMixin:
    """``member.data``, ``member.count_phrase(n)`` and ``member.chart_label``, from ``KIND_DATA``."""

    @property
    def data(self):
        return KIND_DATA.get(type(self), {}).get(self.value) or type(self).default_data(self)

    @classmethod
    def default_data(cls, member):
        return KindData(chart_label=member.label)

    def count_phrase(self, n: int) -> str:
        return self.data.count_phrase(self.label, n)

    @property
    def chart_label(self):
        return self.data.chart_label or self.label

    @classmethod
    def current_choices(cls) -> list:
        """``cls.choices`` read each time a form or validation asks, for ``Field(choices=...)``.

        A field given ``choices=Kind.choices`` freezes the list when models load; given this
        callable (Django 5 evaluates it lazily) it accepts a kind added later, as tests do.
        """
        return cls.choices


class ActStage(models.TextChoices):
    """Where an act type stands in law-making: what deadline rules and reports group by."""

    ADOPTED = "adopted", _("Adopted act")
    DRAFT = "draft", _("Draft")
    RECORD = "record", _("Record")


@dataclasses.dataclass(frozen=True)
class ActTypeData(KindData):
    """``slug_word`` is how the type reads in an act's label, URL and search: «рішення»."""

    slug_word: str = ""
    stage: str = ActStage.ADOPTED


class ActType(_KindMixin, models.TextChoices):
    COUNCIL_DECISION = "council_decision", _("Council decision")
    EXECUTIVE_DECISION = "executive_decision", _("Executive committee decision")
    MAYOR_ORDER = "mayor_order", _("Mayor's order")
    DRAFT_DECISION = "draft_decision", _("Draft decision")
    REGULATORY_DRAFT = "regulatory_draft", _("Regulatory act draft")
    PROTOCOL = "protocol", _("Protocol")

    @classmethod
    def default_data(cls, member):
        return ActTypeData(chart_label=member.label, slug_word=str(member.label).lower())

    @classmethod
    def of_stage(cls, stage) -> tuple:
        """The types at ``stage`` (an ``ActStage``), in declaration order."""
        return tuple(member for member in cls if member.data.stage == stage)


KIND_DATA[ActType] = {
    ActType.COUNCIL_DECISION: ActTypeData(
        count=ngettext_lazy("%(count)d council decision", "%(count)d council decisions", "count"),
        chart_label=pgettext_lazy("report chart", "Council decisions"),
        slug_word="рішення",
        stage=ActStage.ADOPTED,
    ),
    ActType.EXECUTIVE_DECISION: ActTypeData(
        count=ngettext_lazy(
            "%(count)d executive committee decision", "%(count)d executive committee decisions", "count"
        ),
        chart_label=pgettext_lazy("report chart", "Executive committee"),
        slug_word="рішення виконкому",
        stage=ActStage.ADOPTED,
    ),
    ActType.MAYOR_ORDER: ActTypeData(
        count=ngettext_lazy("%(count)d mayor's order", "%(count)d mayor's orders", "count"),
        chart_label=pgettext_lazy("report chart", "Mayor's orders"),
        slug_word="розпорядження",
        stage=ActStage.ADOPTED,
    ),
    ActType.DRAFT_DECISION: ActTypeData(
        count=ngettext_lazy("%(count)d draft decision", "%(count)d draft decisions", "count"),
        chart_label=pgettext_lazy("report chart", "Draft decisions"),
        slug_word="проєкт рішення",
        stage=ActStage.DRAFT,
    ),
    ActType.REGULATORY_DRAFT: ActTypeData(
        count=ngettext_lazy("%(count)d regulatory act draft", "%(count)d regulatory act drafts", "count"),
        chart_label=pgettext_lazy("report chart", "Regulatory drafts"),
        slug_word="проєкт регуляторного акта",
        stage=ActStage.DRAFT,
    ),
    ActType.PROTOCOL: ActTypeData(
        count=ngettext_lazy("%(count)d protocol", "%(count)d protocols", "count"),
        chart_label=pgettext_lazy("report chart", "Protocols"),
        slug_word="протокол",
        stage=ActStage.RECORD,
    ),
}


class ActStatus(models.TextChoices):
    DRAFT = "draft", _("Draft for discussion")
    ADOPTED = "adopted", _("Adopted")
    IN_FORCE = "in_force", _("In force")
    AMENDED = "amended", _("Amended")
    LOST_FORCE = "lost_force", _("Lost force")


class RelationKind(models.TextChoices):
    AMENDS = "amends", _("Amends")
    REPEALS = "repeals", _("Repeals")


class NewsKind(_KindMixin, models.TextChoices):
    NEWS = "news", _("News")
    ANNOUNCEMENT = "announcement", _("Announcement")
    GREETING = "greeting", _("Greeting")
    ARTICLE = "article", _("Article")


KIND_DATA[NewsKind] = {
    NewsKind.NEWS: KindData(
        count=ngettext_lazy("%(count)d news item", "%(count)d news items", "count"),
        chart_label=pgettext_lazy("report chart", "News"),
    ),
    NewsKind.ANNOUNCEMENT: KindData(
        count=ngettext_lazy("%(count)d announcement", "%(count)d announcements", "count"),
        chart_label=pgettext_lazy("report chart", "Announcements"),
    ),
    NewsKind.GREETING: KindData(
        count=ngettext_lazy("%(count)d greeting", "%(count)d greetings", "count"),
        chart_label=pgettext_lazy("report chart", "Greetings"),
    ),
    NewsKind.ARTICLE: KindData(
        count=ngettext_lazy("%(count)d article", "%(count)d articles", "count"),
        chart_label=pgettext_lazy("report chart", "Articles"),
    ),
}


class CommissionDocumentType(_KindMixin, models.TextChoices):
    PROTOCOL = "protocol", _("Protocol")
    CONCLUSION = "conclusion", _("Conclusion")
    RECOMMENDATION = "recommendation", _("Recommendation")


KIND_DATA[CommissionDocumentType] = {
    CommissionDocumentType.PROTOCOL: KindData(
        count=ngettext_lazy(
            "%(count)d protocol of a deputy commission", "%(count)d protocols of deputy commissions", "count"
        ),
        chart_label=pgettext_lazy("report chart", "Commission protocols"),
    ),
    CommissionDocumentType.CONCLUSION: KindData(
        count=ngettext_lazy(
            "%(count)d conclusion of a deputy commission",
            "%(count)d conclusions of deputy commissions",
            "count",
        ),
        chart_label=pgettext_lazy("report chart", "Conclusions"),
    ),
    CommissionDocumentType.RECOMMENDATION: KindData(
        count=ngettext_lazy(
            "%(count)d recommendation of a deputy commission",
            "%(count)d recommendations of deputy commissions",
            "count",
        ),
        chart_label=pgettext_lazy("report chart", "Recommendations"),
    ),
}
