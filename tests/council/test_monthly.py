"""The monthly report counts the meetings held in the month and the decisions adopted by vote."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation
from docx import Document

from council.kinds import MeetingKind, MeetingStatus, Question
from council.monthly import month_counts
from reports.monthly import build_report
from reports.render import to_markdown

from .factories import AgendaItemFactory, MeetingFactory, VoteFactory

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


def at(day: int, month: int = 3, hour: int = 8) -> datetime.datetime:
    return datetime.datetime(2024, month, day, hour, tzinfo=UTC)


def adopted_item(meeting, *questions, adopted=True):
    item = AgendaItemFactory(meeting=meeting)
    for question in questions:
        VoteFactory(agenda_item=item, question=question, adopted=adopted)
    return item


@pytest.fixture
def march(convocation, commission):
    """March 2024: two sessions, an executive committee and a commission meeting held; others not."""
    first = MeetingFactory(convocation=convocation, starts_at=at(5))
    second = MeetingFactory(convocation=convocation, starts_at=at(26))
    MeetingFactory(kind=MeetingKind.EXECUTIVE, convocation=None, starts_at=at(12))
    MeetingFactory(kind=MeetingKind.COMMISSION, commission=commission, starts_at=at(4))
    MeetingFactory(convocation=convocation, starts_at=at(28), status=MeetingStatus.POSTPONED)
    MeetingFactory(convocation=convocation, starts_at=at(2, month=4))
    # 22:30 UTC on 31 March is 1 April in Kyiv: April's.
    late = MeetingFactory(convocation=convocation, starts_at=at(31, hour=22))
    adopted_item(first, Question.BASIS, Question.WHOLE)  # two votes, one decision
    adopted_item(first, Question.WHOLE)
    adopted_item(second, Question.WHOLE)
    adopted_item(second, Question.BASIS)  # adopted as a basis only: no decision yet
    adopted_item(second, Question.WHOLE, adopted=False)
    adopted_item(late, Question.WHOLE)


def test_counts_meetings_held_by_kind_and_decisions_adopted_as_a_whole(march):
    meetings, decisions = month_counts(datetime.date(2024, 3, 1), datetime.date(2024, 3, 31))
    assert meetings == {"plenary": 2, "executive": 1, "commission": 1} and decisions == 3


def test_markdown_report_states_the_council_figures_in_ukrainian(march):
    with translation.override("uk"):
        text = to_markdown(build_report(month=datetime.date(2024, 3, 1)))
    assert "Проведено 4 засідання ради та її органів" in text
    assert "2 сесії міської ради" in text and "1 засідання виконавчого комітету" in text
    assert "1 засідання постійної комісії" in text
    assert "Поіменним голосуванням прийнято 3 рішення" in text


def test_a_month_without_meetings_says_nothing_of_the_council(march):
    with translation.override("uk"):
        text = to_markdown(build_report(month=datetime.date(2024, 2, 1)))
    assert "засідан" not in text and "Поіменним голосуванням" not in text


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("boss", "boss@example.com", "password")
    client.force_login(user)
    return client


def test_admin_report_shows_the_council_figures(admin_client, march):
    response = admin_client.get("/admin/reports/monthly/", {"month": "2024-03"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Проведено 4 засідання ради та її органів" in html and "2 сесії міської ради" in html
    assert "Поіменним голосуванням прийнято 3 рішення" in html


def test_docx_report_carries_the_council_figures(admin_client, march):
    response = admin_client.get(
        "/admin/reports/monthly/", {"month": "2024-03", "format": "docx", "download": "1"}
    )
    assert response.status_code == 200
    lines = [p.text for p in Document(io.BytesIO(response.content)).paragraphs if p.text]
    assert "Проведено 4 засідання ради та її органів" in lines
    assert "Поіменним голосуванням прийнято 3 рішення" in lines
