"""load_demo shows /deputaty/: the 8th convocation, the demo's deputies in five factions, in commissions."""

import io

import pytest
from django.core.management import call_command
from django.utils.html import escape
from wagtail import hooks

from council.demo import DEMO_HOOK, add_demo_council
from council.models import CommissionMembership, Convocation, Deputy, Membership
from pages.demo.base import Report, content

pytestmark = pytest.mark.django_db


def test_the_demo_council_is_registered_with_load_demo():
    assert add_demo_council in hooks.get_hooks(DEMO_HOOK)


def test_the_demo_council_is_added_once(home_page, commission):
    report = Report()
    add_demo_council(home=home_page, user=None, report=report)
    add_demo_council(home=home_page, user=None, report=report)
    deputies = content("deputies")
    assert report.created["депутатів"] == len(deputies) == Deputy.objects.count()
    assert Convocation.objects.get().number == 8
    assert Membership.objects.count() == len(deputies)
    assert Membership.objects.values("faction").distinct().count() == 5


def test_load_demo_shows_the_deputies_in_factions_with_their_commissions(client, home_page):
    call_command("load_demo", admin_user="admin", admin_password="demo-password-1", stdout=io.StringIO())
    html = client.get("/deputaty/").content.decode()
    assert "8 скликання" in html and "Бойко Олександр Миколайович" in html and "Слуга народу" in html
    seat = CommissionMembership.objects.filter(role="chair").select_related("deputy").first()
    assert seat is not None
    page = client.get(f"/deputaty/{seat.deputy.slug}/").content.decode()
    assert escape(seat.commission.title) in page and "голова" in page
