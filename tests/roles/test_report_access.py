"""Report screens show a group only what its pages and models let it see.

docs/editors.md gives media monitoring to no editorial group: a registry keeper, the press office, the
secretariat and the moderators neither see its digest and monthly note in the menu nor open them by their
address. The publication-deadlines dashboard lists only the acts its reader may edit: an act waiting for
approval is not public, and the registry keepers («сторінок сайту не бачать») do not get the screen at all.
"""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from .helpers import post_edit

pytestmark = pytest.mark.django_db

SCREENS = (
    "monitoring_digest:index",
    "monitoring_note:index",
)
DOWNLOAD = "?month=2026-11&format=docx&download=1"


def menu_urls(response):
    props = BeautifulSoup(response.content, "lxml").find("script", id="wagtail-sidebar-props")

    def urls(value):
        if isinstance(value, dict):
            for key, item in value.items():
                yield from [item] if key == "url" and isinstance(item, str) else urls(item)
        elif isinstance(value, list):
            for item in value:
                yield from urls(item)

    return set(urls(json.loads(props.string)))


@pytest.mark.parametrize("role", ["keeper", "press_officer", "secretary", "moderator"])
def test_editors_without_monitoring_neither_see_nor_open_its_reports(request, login, role):
    client = login(request.getfixturevalue(role))
    menu = menu_urls(client.get(reverse("wagtailadmin_home")))
    for name in SCREENS:
        url = reverse(name)
        assert url not in menu
        for address in (url, url + DOWNLOAD):
            response = client.get(address)
            assert response.status_code == 302 and response.url == reverse("wagtailadmin_home"), address


def test_an_administrator_reads_and_downloads_the_monitoring_reports(login, administrator):
    client = login(administrator)
    menu = menu_urls(client.get(reverse("wagtailadmin_home")))
    for name in SCREENS:
        url = reverse(name)
        assert url in menu
        assert client.get(url).status_code == 200
    response = client.get(reverse("monitoring_note:index") + DOWNLOAD)
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")


DEADLINES = "reports_deadlines:index"


@pytest.fixture
def overdue_act_in_approval(secretary, act):
    """``act`` adopted 40 days ago and not yet published, submitted for approval by the secretary."""
    Page.objects.filter(pk=act.pk).update(live=False, title="Про продаж землі")
    today = timezone.localdate()
    type(act).objects.filter(pk=act.pk).update(adopted_on=today - datetime.timedelta(days=40), date=today)
    act.refresh_from_db()
    secretary_client = Client()  # her own session: the admin's message naming the act stays in it
    secretary_client.force_login(secretary)
    assert post_edit(secretary_client, act, action="submit", summary="На затвердження").status_code == 302
    act.refresh_from_db()
    assert act.workflow_in_progress and not act.live
    return act


def test_a_registry_keeper_neither_sees_nor_opens_the_deadlines(login, keeper, overdue_act_in_approval):
    client = login(keeper)
    assert reverse(DEADLINES) not in menu_urls(client.get(reverse("wagtailadmin_home")))
    response = client.get(reverse(DEADLINES))
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def test_the_press_office_does_not_read_the_acts_waiting_for_approval(
    login, press_officer, overdue_act_in_approval
):
    response = login(press_officer).get(reverse(DEADLINES))
    assert response.status_code == 200
    assert "Про продаж землі" not in response.content.decode()


@pytest.mark.parametrize("role", ["secretary", "moderator"])
def test_the_editors_of_acts_see_the_overdue_act(request, login, role, overdue_act_in_approval):
    client = login(request.getfixturevalue(role))
    assert reverse(DEADLINES) in menu_urls(client.get(reverse("wagtailadmin_home")))
    response = client.get(reverse(DEADLINES))
    assert "Про продаж землі" in response.content.decode()
