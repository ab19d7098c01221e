"""A commission page lists its current members from the deputies' records; the footer links the list."""

import datetime

import pytest
from django.utils import timezone

from council.kinds import CommissionRole

from .factories import CommissionMembershipFactory, DeputyFactory

pytestmark = pytest.mark.django_db


def test_the_commission_page_lists_current_seats_chair_first(client, commission):
    today = timezone.localdate()
    chair = DeputyFactory(full_name="Яковенко Олег Петрович", slug="yakovenko")
    member = DeputyFactory(full_name="Бойко Олександр Миколайович", slug="boiko")
    former = DeputyFactory(full_name="Колишній Іван Іванович", slug="kolyshnii")
    future = DeputyFactory(full_name="Майбутній Петро Петрович", slug="maibutnii")
    CommissionMembershipFactory(deputy=member, commission=commission)
    CommissionMembershipFactory(deputy=chair, commission=commission, role=CommissionRole.CHAIR)
    CommissionMembershipFactory(
        deputy=former, commission=commission, end_date=today - datetime.timedelta(days=1)
    )
    CommissionMembershipFactory(
        deputy=future, commission=commission, start_date=today + datetime.timedelta(days=1)
    )
    html = client.get(commission.url).content.decode()
    assert "Депутати у складі комісії" in html
    assert html.index("Яковенко Олег Петрович</a> — голова") < html.index("Бойко Олександр Миколайович</a>")
    assert 'href="/deputaty/boiko/"' in html
    assert "Колишній" not in html and "Майбутній" not in html


def test_a_commission_without_seats_has_no_section(client, commission):
    assert "Депутати у складі комісії" not in client.get(commission.url).content.decode()


def test_the_footer_links_the_deputies_list(client, home_page):
    html = client.get(home_page.url).content.decode()
    assert '<a href="/deputaty/">Депутати міської ради</a>' in html
