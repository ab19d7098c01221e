"""A deputy's record at a phone's and a laptop's width: the tables scroll inside their containers, axe clean.

The demo has deputies but (yet) no votes: the module gives a demo deputy three sessions of
long-titled questions, written before its tests and deleted after them (not in a test's transaction:
SQLite's shared in-memory database would lock the tables against the live server's reads).
"""

import datetime

import pytest
from django.urls import reverse

from council.kinds import BallotChoice
from council.models import Deputy, Meeting
from tests.council.factories import AgendaItemFactory, BallotFactory, MeetingFactory, VoteFactory

from .checks import browser_page, overflow, serious_violations
from .conftest import WIDTHS

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

TITLE = (
    "Про внесення змін до Програми розвитку житлово-комунального господарства та благоустрою "
    "Ніжинської міської територіальної громади на 2024–2026 роки"
)


def record_of_a_demo_deputy() -> tuple[str, list[Meeting]]:
    deputy = Deputy.objects.filter(memberships__isnull=False).order_by("pk").first()
    membership = deputy.memberships.order_by("start_date").first()
    choices, meetings = list(BallotChoice.values), []
    for n in range(3):
        meeting = MeetingFactory(
            convocation=membership.convocation,
            starts_at=datetime.datetime.combine(membership.start_date, datetime.time(8), datetime.UTC)
            + datetime.timedelta(days=40 * (n + 1)),
        )
        meetings.append(meeting)
        for position in range(10):
            item = AgendaItemFactory(meeting=meeting, title=f"{TITLE} ({position + 1})")
            vote = VoteFactory(agenda_item=item, adopted=position % 3 != 0, for_count=20 + position)
            BallotFactory(vote=vote, deputy=deputy, choice=choices[(n + position) % len(choices)])
    return reverse("council:deputy_detail", args=[deputy.slug]), meetings


@pytest.fixture(scope="module")
def record_url(site_server, django_db_blocker):
    with django_db_blocker.unblock():
        url, meetings = record_of_a_demo_deputy()
    yield url
    with django_db_blocker.unblock():
        Meeting.objects.filter(pk__in=[meeting.pk for meeting in meetings]).delete()


@pytest.mark.parametrize("width", WIDTHS)
def test_a_deputys_record_holds_in_chromium(chromium, axe_source, site_server, record_url, width):
    url = record_url
    with browser_page(chromium, width=width) as (page, errors):
        response = page.goto(site_server.url + url, wait_until="load")
        assert response.status == 200
        assert page.locator("#record-votes tbody tr").count() == 25
        page.locator("#attendance-heading ~ details summary").click()  # every session, opened
        assert page.locator("#attendance tbody tr").count() == 3
        assert overflow(page)["scrollWidth"] <= width, overflow(page)
        assert errors == []
        assert serious_violations(page, axe_source) == []
        page.goto(site_server.url + url + "?choice=against&result=nonsense", wait_until="load")
        assert "Невідоме значення «nonsense»" in page.content()
        assert overflow(page)["scrollWidth"] <= width, overflow(page)
