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
from django.utils.translation import ngettext, pgettext

DEFAULT_DEPARTMENT = "Відділ інформаційно-аналітичної роботи та комунікацій з громадськістю"


def month_bounds(month: datetime.date) -> tuple[datetime.date, datetime.date]:
    first = month.replace(day=1)
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    return first, following - datetime.timedelta(days=1)


# Plural phrases per category. Each is a function so that ngettext runs in the active language.
NEWS_PHRASES = {
    "news": lambda n: ngettext("%(count)d news item", "%(count)d news items", n),
    "announcement": lambda n: ngettext("%(count)d announcement", "%(count)d announcements", n),
    "greeting": lambda n: ngettext("%(count)d greeting", "%(count)d greetings", n),
    "article": lambda n: ngettext("%(count)d article", "%(count)d articles", n),
}
ACT_PHRASES = {
    "council_decision": lambda n: ngettext("%(count)d council decision", "%(count)d council decisions", n),
    "executive_decision": lambda n: ngettext(
        "%(count)d executive committee decision", "%(count)d executive committee decisions", n
    ),
    "mayor_order": lambda n: ngettext("%(count)d mayor's order", "%(count)d mayor's orders", n),
    "draft_decision": lambda n: ngettext("%(count)d draft decision", "%(count)d draft decisions", n),
    "regulatory_draft": lambda n: ngettext(
        "%(count)d regulatory act draft", "%(count)d regulatory act drafts", n
    ),
    "protocol": lambda n: ngettext("%(count)d protocol", "%(count)d protocols", n),
}
COMMISSION_PHRASES = {
    "protocol": lambda n: ngettext(
        "%(count)d protocol of a deputy commission", "%(count)d protocols of deputy commissions", n
    ),
    "conclusion": lambda n: ngettext(
        "%(count)d conclusion of a deputy commission", "%(count)d conclusions of deputy commissions", n
    ),
    "recommendation": lambda n: ngettext(
        "%(count)d recommendation of a deputy commission",
        "%(count)d recommendations of deputy commissions",
        n,
    ),
}
INTERACTION_PHRASES = {
    "ngo": lambda n: ngettext(
        "%(count)d with civil society organisations", "%(count)d with civil society organisations", n
    ),
    "party": lambda n: ngettext(
        "%(count)d with local party organisations", "%(count)d with local party organisations", n
    ),
}


def chart_label(group: str, code: str) -> str:
    """A short label for the chart's bars."""
    labels = {
        ("news", "news"): pgettext("report chart", "News"),
        ("news", "announcement"): pgettext("report chart", "Announcements"),
        ("news", "greeting"): pgettext("report chart", "Greetings"),
        ("news", "article"): pgettext("report chart", "Articles"),
        ("act", "council_decision"): pgettext("report chart", "Council decisions"),
        ("act", "executive_decision"): pgettext("report chart", "Executive committee"),
        ("act", "mayor_order"): pgettext("report chart", "Mayor's orders"),
        ("act", "draft_decision"): pgettext("report chart", "Draft decisions"),
        ("act", "regulatory_draft"): pgettext("report chart", "Regulatory drafts"),
        ("act", "protocol"): pgettext("report chart", "Protocols"),
        ("commission", "protocol"): pgettext("report chart", "Commission protocols"),
        ("commission", "conclusion"): pgettext("report chart", "Conclusions"),
        ("commission", "recommendation"): pgettext("report chart", "Recommendations"),
        ("video", "video"): pgettext("report chart", "Videos"),
    }
    return labels[(group, code)]


@dataclass
class Section:
    """One bullet of the report, with its breakdown."""

    text: str
    items: list[str] = field(default_factory=list)


@dataclass
class MonthlyReport:
    """The figures of one month; every count is by publication date, live pages only."""

    month: datetime.date
    department: str
    news: dict[str, int]
    acts: dict[str, int]
    commission_documents: dict[str, int]
    videos: int
    interactions: dict[str, int]
    interactions_total: int
    notes: list[str]

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

        def breakdown(phrases, counts):
            return [phrases[code](n) % {"count": n} for code, n in counts.items() if n]

        news = Section(
            ngettext(
                "Prepared and published %(count)d news item or other informational material",
                "Prepared and published %(count)d news items and other informational materials",
                self.news_total,
            )
            % {"count": self.news_total},
            breakdown(NEWS_PHRASES, self.news),
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
            breakdown(ACT_PHRASES, self.acts) + breakdown(COMMISSION_PHRASES, self.commission_documents),
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
            breakdown(INTERACTION_PHRASES, self.interactions),
        )
        return [news, documents, videos, interactions] + [Section(note) for note in self.notes]

    def chart_data(self) -> list[tuple[str, int]]:
        """(label, count) of the month's publications, for the bar chart."""
        bars = [(chart_label("news", code), n) for code, n in self.news.items()]
        bars += [(chart_label("act", code), n) for code, n in self.acts.items()]
        bars += [(chart_label("commission", code), n) for code, n in self.commission_documents.items()]
        bars.append((chart_label("video", "video"), self.videos))
        return [(label, n) for label, n in bars if n]


def _counts_by(queryset, field_name: str, codes) -> dict[str, int]:
    found = dict(queryset.values_list(field_name).annotate(n=Count("pk")).order_by())
    return {code: found.get(code, 0) for code in codes}


def build_report(*, month: datetime.date) -> MonthlyReport:
    """Count the month's publications, videos and interactions; attach the editors' notes."""
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

    first, last = month_bounds(month)
    in_month = {"live": True, "date__gte": first, "date__lte": last}
    interactions = Interaction.objects.filter(date__gte=first, date__lte=last)
    by_org_kind = {
        kind: interactions.filter(organizations__kind=kind).distinct().count()
        for kind in OrganizationKind.values
    }
    notes = MonthlyReportNotes.objects.filter(month=first).first()
    return MonthlyReport(
        month=first,
        department=getattr(settings, "REPORTS_DEPARTMENT", DEFAULT_DEPARTMENT),
        news=_counts_by(NewsPage.objects.filter(**in_month), "kind", NewsKind.values),
        acts=_counts_by(ActPage.objects.filter(**in_month), "act_type", ActType.values),
        commission_documents=_counts_by(
            CommissionDocumentPage.objects.filter(**in_month), "doc_type", CommissionDocumentType.values
        ),
        videos=VideoPage.objects.filter(**in_month).count(),
        interactions=by_org_kind,
        interactions_total=interactions.count(),
        notes=notes.bullet_list() if notes else [],
    )
