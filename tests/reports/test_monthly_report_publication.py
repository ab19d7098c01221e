"""The monthly report counts what the public could read that month, once per page, by Kyiv's day."""

import datetime
import io

import pytest
from django.utils.translation import ngettext
from docx import Document
from wagtail.models import PageViewRestriction

from discussion.models import Comment, CommentStatus
from discussion.text import text_key
from pages.models import ActStatus, ActType, NewsKind
from reports.models import MonthlyReportNotes
from reports.monthly import build_report
from reports.render import to_docx
from tests import factories as f

pytestmark = pytest.mark.django_db
JANUARY = datetime.date(2026, 1, 1)


def test_private_pages_are_not_counted(sections, home_page):
    """A page behind a login or a password, itself or through its section, was not published."""
    day = datetime.date(2026, 1, 15)
    f.NewsPageFactory(parent=sections["news"], kind=NewsKind.NEWS, date=day)
    hidden_news = f.NewsPageFactory(parent=sections["news"], kind=NewsKind.NEWS, date=day)
    PageViewRestriction.objects.create(page=hidden_news, restriction_type=PageViewRestriction.LOGIN)
    internal = f.ActIndexPageFactory(parent=home_page, slug="vnutrishni", title="Внутрішні")
    PageViewRestriction.objects.create(
        page=internal, restriction_type=PageViewRestriction.PASSWORD, password="таємниця"
    )
    f.ActPageFactory(parent=sections["acts"], date=day)
    f.ActPageFactory(parent=internal, date=day)
    f.ActPageFactory(parent=internal, act_type=ActType.MAYOR_ORDER, date=day)
    hidden_video = f.VideoPageFactory(parent=sections["videos"], date=day)
    PageViewRestriction.objects.create(page=hidden_video, restriction_type=PageViewRestriction.LOGIN)

    report = build_report(month=JANUARY)
    assert report.news_total == 1 and report.news[NewsKind.NEWS] == 1
    assert report.documents_total == 1 and report.acts[ActType.MAYOR_ORDER] == 0
    assert report.videos == 0


def test_pages_republished_moved_or_revised_count_once_in_their_month(sections, home_page):
    day = datetime.date(2026, 1, 31)
    republished = f.ActPageFactory(parent=sections["acts"], date=day)
    republished.unpublish()
    republished.refresh_from_db()
    republished.save_revision().publish()
    revised = f.ActPageFactory(parent=sections["acts"], date=day)
    for n in range(3):
        revised.title = f"Редакція {n}"
        revised.save_revision().publish()
    other_section = f.ActIndexPageFactory(parent=home_page, slug="arkhiv", title="Архів")
    moved = f.ActPageFactory(parent=sections["acts"], date=day)
    moved.move(other_section, pos="last-child")
    f.ActPageFactory(parent=sections["acts"], date=datetime.date(2026, 2, 1))
    f.ActPageFactory(parent=sections["acts"], date=datetime.date(2025, 12, 31))

    report = build_report(month=JANUARY)
    assert report.acts[ActType.COUNCIL_DECISION] == 3


def test_comments_are_counted_in_kyiv_s_month(sections):
    """00:30 on 1 January in Kyiv is 22:30 UTC on 31 December: a January comment."""
    draft = f.ActPageFactory(
        parent=sections["acts"],
        act_type=ActType.DRAFT_DECISION,
        status=ActStatus.DRAFT,
        adopted_on=None,
        discussion_until=datetime.date(2026, 1, 20),
    )
    moments = [
        datetime.datetime(2025, 12, 31, 21, 30, tzinfo=datetime.UTC),  # 23:30 on 31 December in Kyiv
        datetime.datetime(2025, 12, 31, 22, 30, tzinfo=datetime.UTC),  # 00:30 on 1 January in Kyiv
        datetime.datetime(2026, 1, 31, 21, 59, tzinfo=datetime.UTC),  # 23:59 on 31 January in Kyiv
        datetime.datetime(2026, 1, 31, 22, 0, tzinfo=datetime.UTC),  # 00:00 on 1 February in Kyiv
    ]
    for n, moment in enumerate(moments):
        text = f"Коментар {n}"
        comment = Comment.objects.create(
            draft=draft,
            author_name="Оксана",
            email="o@example.com",
            text=text,
            text_key=text_key(text),
            consent_given_at=moment,
            status=CommentStatus.APPROVED,
        )
        Comment.objects.filter(pk=comment.pk).update(created_at=moment)
    [discussion] = build_report(month=JANUARY).extra
    assert discussion.items == [
        ngettext("%(count)d comment received from citizens", "%(count)d comments received from citizens", 2)
        % {"count": 2}
    ]


def test_a_note_that_starts_with_a_sign_keeps_it(db):
    """«-5 скарг» is a figure, not a list marker: only a marker followed by a space (or «•») is dropped."""
    notes = MonthlyReportNotes(
        month=JANUARY,
        bullets="-5 скарг менше, ніж торік\n- Моніторинг ЗМІ\n•Петиції\n– 3 прийоми\n-\n--2 °C у залі",
    )
    assert notes.bullet_list() == [
        "-5 скарг менше, ніж торік",
        "Моніторинг ЗМІ",
        "Петиції",
        "3 прийоми",
        "--2 °C у залі",
    ]


def test_docx_holds_no_formula_and_keeps_legitimate_values_readable(sections):
    MonthlyReportNotes.objects.create(
        month=JANUARY,
        bullets="=SUM(A1:A9)\n-5 скарг менше, ніж торік\n+380 46 317 00 00 — гаряча лінія\n"
        "Об'єднання «Ніжин»",
    )
    lines = [p.text for p in Document(io.BytesIO(to_docx(build_report(month=JANUARY)))).paragraphs]
    # Documented (docs/reports.md): a bullet a spreadsheet would run as a formula gets a leading «'».
    assert "'=SUM(A1:A9)" in lines and "'-5 скарг менше, ніж торік" in lines
    assert "'+380 46 317 00 00 — гаряча лінія" in lines and "Об'єднання «Ніжин»" in lines
