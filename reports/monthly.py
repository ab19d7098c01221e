"""The department's monthly activity report: counts by publication date, as plain data.

:func:`build_report` reads the database once per figure (aggregates, no model instances);
:meth:`MonthlyReport.sections` turns the figures into the sentences every format prints,
so Markdown, HTML and DOCX can never disagree.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, ngettext_lazy, pgettext
from wagtail import hooks

from cms.exports import safe_cell
from pages.models import (
    ActPage,
    ActType,
    CommissionDocumentPage,
    CommissionDocumentType,
    NewsKind,
    NewsPage,
    VideoPage,
)
from registry.models import Interaction, OrganizationKind

from .models import MonthlyReportNotes
from .opendata import published

#: Apps above reports add their own bullets: a hook ``(first, last) -> list[Section]`` for the month's
#: first and last day (public discussion counts the drafts discussed and the comments received).
MONTHLY_COUNTS_HOOK = "radasite_monthly_counts"

DEFAULT_DEPARTMENT = "Відділ інформаційно-аналітичної роботи та комунікацій з громадськістю"


def month_bounds(month: datetime.date) -> tuple[datetime.date, datetime.date]:
    first = month.replace(day=1)
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    return first, following - datetime.timedelta(days=1)


#: What the report says of interactions with each kind of organisation (registry's OrganizationKind).
#: A kind without a phrase here reads «label: n». Move beside OrganizationKind once registry declares
#: its kinds with their data.
INTERACTION_PHRASES = {
    OrganizationKind.NGO: ngettext_lazy(
        "%(count)d with civil society organisations", "%(count)d with civil society organisations", "count"
    ),
    OrganizationKind.PARTY: ngettext_lazy(
        "%(count)d with local party organisations", "%(count)d with local party organisations", "count"
    ),
}


def interaction_phrase(kind: str, n: int) -> str:
    """«2 — з громадськими об'єднаннями», or «label: n» for a kind the report has no phrase for."""
    phrase = INTERACTION_PHRASES.get(kind)
    return phrase % {"count": n} if phrase is not None else f"{OrganizationKind(kind).label}: {n}"


def _breakdown(kinds, counts: dict[str, int]) -> list[str]:
    """«3 новини», «1 оголошення»…: the kind's own count phrase, for every kind counted at least once."""
    return [kinds(code).count_phrase(n) for code, n in counts.items() if n]


@dataclass
class Section:
    """One bullet of the report, with its breakdown."""

    text: str
    items: list[str] = field(default_factory=list)


@dataclass
class MonthlyReport:
    """The figures of one month; every count is by publication date, public live pages only."""

    month: datetime.date
    department: str
    news: dict[str, int]
    acts: dict[str, int]
    commission_documents: dict[str, int]
    videos: int
    interactions: dict[str, int]
    interactions_total: int
    notes: list[str]
    extra: list["Section"] = field(default_factory=list)

    @property
    def news_total(self) -> int:
        return sum(self.news.values())

    @property
    def documents_total(self) -> int:
        return sum(self.acts.values()) + sum(self.commission_documents.values())

    def title(self) -> str:
        month_name = str(MONTHS[self.month.month]).lower()
        return _("Report on the work for %(month)s %(year)d") % {"month": month_name, "year": self.month.year}

    def sections(self) -> list[Section]:
        """The report's bullets in the order the department writes them."""

        news = Section(
            ngettext(
                "Prepared and published %(count)d news item or other informational material",
                "Prepared and published %(count)d news items and other informational materials",
                self.news_total,
            )
            % {"count": self.news_total},
            _breakdown(NewsKind, self.news),
        )
        documents = Section(
            ngettext(
                "Published %(count)d document: normative acts, draft decisions, orders, protocols, "
                "conclusions and recommendations of the deputy commissions",
                "Published %(count)d documents: normative acts, draft decisions, orders, protocols, "
                "conclusions and recommendations of the deputy commissions",
                self.documents_total,
            )
            % {"count": self.documents_total},
            _breakdown(ActType, self.acts) + _breakdown(CommissionDocumentType, self.commission_documents),
        )
        videos = Section(
            ngettext("Posted %(count)d video", "Posted %(count)d videos", self.videos)
            % {"count": self.videos}
        )
        interactions = Section(
            ngettext(
                "Held %(count)d interaction with NGOs and parties",
                "Held %(count)d interactions with NGOs and parties",
                self.interactions_total,
            )
            % {"count": self.interactions_total},
            [interaction_phrase(kind, n) for kind, n in self.interactions.items() if n],
        )
        # Notes are typed by editors: one pasted into a spreadsheet from the HTML must stay text.
        notes = [Section(safe_cell(note)) for note in self.notes]
        return [news, documents, videos, interactions, *self.extra, *notes]

    def chart_data(self) -> list[tuple[str, int]]:
        """(label, count) of the month's publications, for the bar chart."""
        bars = [(NewsKind(code).chart_label, n) for code, n in self.news.items()]
        bars += [(ActType(code).chart_label, n) for code, n in self.acts.items()]
        bars += [
            (CommissionDocumentType(code).chart_label, n) for code, n in self.commission_documents.items()
        ]
        bars.append((pgettext("report chart", "Videos"), self.videos))
        return [(str(label), n) for label, n in bars if n]


def _counts_by(queryset, field_name: str, codes) -> dict[str, int]:
    found = dict(queryset.values_list(field_name).annotate(n=Count("pk")).order_by())
    return {code: found.get(code, 0) for code in codes}


def build_report(*, month: datetime.date) -> MonthlyReport:
    """Count the month's publications, videos and interactions; attach the editors' notes."""
    first, last = month_bounds(month)
    in_month = {"date__gte": first, "date__lte": last}
    interactions = Interaction.objects.filter(date__gte=first, date__lte=last)
    by_org_kind = {
        kind: interactions.filter(organizations__kind=kind).distinct().count()
        for kind in OrganizationKind.values
    }
    notes = MonthlyReportNotes.objects.filter(month=first).first()
    return MonthlyReport(
        month=first,
        department=getattr(settings, "REPORTS_DEPARTMENT", DEFAULT_DEPARTMENT),
        news=_counts_by(published(NewsPage).filter(**in_month), "kind", NewsKind.values),
        acts=_counts_by(published(ActPage).filter(**in_month), "act_type", ActType.values),
        commission_documents=_counts_by(
            published(CommissionDocumentPage).filter(**in_month), "doc_type", CommissionDocumentType.values
        ),
        videos=published(VideoPage).filter(**in_month).count(),
        interactions=by_org_kind,
        interactions_total=interactions.count(),
        notes=notes.bullet_list() if notes else [],
        extra=[section for hook in hooks.get_hooks(MONTHLY_COUNTS_HOOK) for section in hook(first, last)],
    )
