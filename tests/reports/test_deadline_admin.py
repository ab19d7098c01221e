import datetime
import zoneinfo

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from pages.models import ActPage, ActType
from reports.deadlines import WorkingCalendar
from tests import factories as f
from tests.council.factories import AgendaItemFactory, MeetingFactory, VoteFactory

pytestmark = pytest.mark.django_db
KYIV = zoneinfo.ZoneInfo("Europe/Kyiv")


@pytest.fixture
def admin_client(client):
    client.force_login(get_user_model().objects.create_superuser("editor", "editor@example.com", "password"))
    return client


@pytest.fixture
def acts_index(home_page):
    return f.ActIndexPageFactory(parent=home_page)


def act_form(page, **overrides):
    data = {
        "title": page.title,
        "slug": page.slug,
        "act_type": page.act_type,
        "number": page.number,
        "status": page.status,
        "date": page.date.isoformat(),
        "adopted_on": page.adopted_on.isoformat() if page.adopted_on else "",
        "planned_consideration_on": "",
        "discussion_until": "",
        "effective_from": "",
        "session": "",
        "summary": "",
        "body": rich_text(""),
        "attachments": streamfield([]),
        "relations": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def at(day: datetime.date, hour: int) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=KYIV)


def roll_call(act, *, published_on: datetime.date | None, hour: int = 15):
    """A vote as a whole on ``act`` at the session of its adoption day, published on ``published_on``."""
    meeting = MeetingFactory(starts_at=at(act.adopted_on, 10), convocation=None)
    item = AgendaItemFactory(meeting=meeting, decision=act, title=act.title)
    return VoteFactory(agenda_item=item, published_at=published_on and at(published_on, hour))


def test_publishing_an_act_late_warns_the_editor(admin_client, acts_index):
    act = f.ActPageFactory(
        parent=acts_index,
        act_type=ActType.MAYOR_ORDER,
        adopted_on=datetime.date(2018, 11, 1),
        date=datetime.date(2018, 11, 1),
    )
    response = admin_client.post(
        f"/admin/pages/{act.pk}/edit/", act_form(act, date="2018-11-30"), follow=True
    )
    warnings = [str(m) for m in response.context["messages"]]
    assert any("Порушено строк" in m and "08.11.2018" in m and "ст. 15" in m for m in warnings), warnings
    assert ActPage.objects.get(pk=act.pk).date == datetime.date(2018, 11, 30)


def test_publishing_an_act_on_time_gives_no_deadline_warning(admin_client, acts_index):
    act = f.ActPageFactory(
        parent=acts_index,
        act_type=ActType.MAYOR_ORDER,
        adopted_on=datetime.date(2018, 11, 1),
        date=datetime.date(2018, 11, 1),
    )
    response = admin_client.post(
        f"/admin/pages/{act.pk}/edit/", act_form(act, date="2018-11-02"), follow=True
    )
    messages = [str(m) for m in response.context["messages"]]
    assert messages and not any("строк" in m for m in messages)


def test_dashboard_lists_late_and_soon_due_acts_only(admin_client, acts_index):
    today = timezone.localdate()
    cal = WorkingCalendar()
    late = f.ActPageFactory(
        parent=acts_index,
        title="Пізно оприлюднене розпорядження",
        act_type=ActType.MAYOR_ORDER,
        adopted_on=cal.shift(today, -20),
        date=cal.shift(today, -2),
    )
    soon = f.ActPageFactory(
        parent=acts_index,
        title="Проєкт, що чекає оприлюднення",
        act_type=ActType.DRAFT_DECISION,
        number="",
        adopted_on=None,
        planned_consideration_on=cal.shift(today, 12),
        live=False,
    )
    on_time = f.ActPageFactory(
        parent=acts_index,
        title="Вчасне розпорядження",
        act_type=ActType.MAYOR_ORDER,
        adopted_on=cal.shift(today, -3),
        date=cal.shift(today, -2),
    )
    voted = f.ActPageFactory(
        parent=acts_index,
        title="Рішення з поіменним голосуванням",
        act_type=ActType.COUNCIL_DECISION,
        adopted_on=cal.shift(today, -1),
        date=cal.shift(today, -1),
    )
    # Published at 23:30 Kyiv time (21:30 or 20:30 UTC): still the day of the vote.
    roll_call(voted, published_on=voted.adopted_on, hour=23)
    late_votes = f.ActPageFactory(
        parent=acts_index,
        title="Рішення, голосування якого оприлюднено наступного дня",
        act_type=ActType.COUNCIL_DECISION,
        adopted_on=cal.shift(today, -3),
        date=cal.shift(today, -3),
    )
    roll_call(late_votes, published_on=late_votes.adopted_on + datetime.timedelta(days=1), hour=0)

    response = admin_client.get("/admin/reports/deadlines/")
    assert response.status_code == 200
    text = response.content.decode()
    assert late.title in text and soon.title in text and late_votes.title in text
    assert on_time.title not in text and voted.title not in text
    rows = [(p["item"]["id"], p["check"].status) for p in response.context["problems"]]
    assert rows[0] == (late.pk, "violated") and (soon.pk, "due_soon") in rows
    assert (late_votes.pk, "violated") in rows


def test_dashboard_reads_the_votes_in_queries_that_do_not_grow_with_the_acts(admin_client, acts_index):
    today = timezone.localdate()

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert admin_client.get("/admin/reports/deadlines/").status_code == 200
        return len(captured)

    def decisions(count):
        for _ in range(count):
            act = f.ActPageFactory(
                parent=acts_index, act_type=ActType.COUNCIL_DECISION, adopted_on=today, date=today
            )
            roll_call(act, published_on=None)

    decisions(1)
    small = queries()
    decisions(4)
    assert queries() == small


def test_saving_a_decision_whose_vote_was_published_late_warns_the_editor(admin_client, acts_index):
    act = f.ActPageFactory(
        parent=acts_index,
        act_type=ActType.COUNCIL_DECISION,
        adopted_on=datetime.date(2018, 11, 6),
        date=datetime.date(2018, 11, 6),
    )
    roll_call(act, published_on=datetime.date(2018, 11, 8))
    response = admin_client.post(f"/admin/pages/{act.pk}/edit/", act_form(act), follow=True)
    warnings = [str(m) for m in response.context["messages"]]
    assert any("Порушено строк" in m and "06.11.2018" in m and "ст. 59" in m for m in warnings), warnings
