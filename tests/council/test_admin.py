"""Editors keep convocations and deputies (factions and commission seats inline) in the Ukrainian admin."""

import datetime
import json

import pytest
from django.urls import reverse

from council.models import CommissionMembership, Convocation, Deputy, Membership
from tests.admin.visible_text import UPSTREAM_LITERALS, untranslated, visible_texts
from tests.registry.factories import PartyOrganizationFactory

from .factories import CommissionMembershipFactory, DeputyFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def english_on(response):
    """The English on a screen, less what Wagtail prints without gettext."""
    texts = untranslated(visible_texts(response.content.decode()))
    return [text for text in texts if text not in UPSTREAM_LITERALS]


def formset(prefix, rows):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for number, row in enumerate(rows):
        data.update({f"{prefix}-{number}-{key}": value for key, value in row.items()})
        data[f"{prefix}-{number}-ORDER"] = str(number + 1)
        data[f"{prefix}-{number}-DELETE"] = ""
    return data


def test_the_menu_group_is_in_ukrainian(editor_client):
    html = editor_client.get(reverse("wagtailadmin_home")).content.decode()
    # The sidebar is a JSON document in the page, its text escaped as JSON escapes it.
    assert json.dumps("Депутати і сесії")[1:-1] in html
    assert json.dumps(reverse("council_deputies:index"))[1:-1] in html


def test_the_deputies_list_is_in_ukrainian_and_searchable(editor_client, convocation):
    MembershipFactory(deputy=DeputyFactory(full_name="Бойко Олександр Миколайович"), convocation=convocation)
    DeputyFactory(full_name="Мельник Ірина Степанівна")
    response = editor_client.get(reverse("council_deputies:index"), {"q": "Бойко"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Депутати" in html and "Бойко Олександр Миколайович" in html and "Мельник" not in html
    filtered = editor_client.get(reverse("council_deputies:index"), {"convocation": convocation.pk})
    assert "Бойко" in filtered.content.decode() and "Мельник" not in filtered.content.decode()


def test_an_editor_adds_a_convocation(editor_client):
    response = editor_client.post(
        reverse("council_convocations:add"), {"number": "9", "start_date": "2025-11-01", "end_date": ""}
    )
    assert response.status_code == 302
    assert Convocation.objects.get().number == 9
    assert "9 скликання" in editor_client.get(reverse("council_convocations:index")).content.decode()


def test_an_editor_adds_a_deputy_with_a_faction_and_a_commission_seat(editor_client, convocation, commission):
    party = PartyOrganizationFactory()
    data = {
        "full_name": "Бойко Олександр Миколайович",
        "slug": "boiko",
        "status": "acting",
        "electoral_district": "",
        "phone": "",
        "email": "",
        "contacts": "",
        "reception_hours": "Щопонеділка",
        "mandate_ended_on": "",
        "mandate_end_reason": "",
        **formset(
            "memberships",
            [
                {
                    "convocation": convocation.pk,
                    "faction": party.pk,
                    "start_date": "2020-12-01",
                    "end_date": "",
                }
            ],
        ),
        **formset(
            "commission_seats",
            [{"commission": commission.pk, "role": "chair", "start_date": "2020-12-10", "end_date": ""}],
        ),
    }
    response = editor_client.post(reverse("council_deputies:add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    deputy = Deputy.objects.get()
    assert Membership.objects.get(deputy=deputy).faction == party
    assert CommissionMembership.objects.get(deputy=deputy).role == "chair"


def test_an_ended_mandate_without_a_date_is_refused_in_ukrainian(editor_client):
    deputy = DeputyFactory()
    data = {
        "full_name": deputy.full_name,
        "slug": deputy.slug,
        "status": "ended",
        "mandate_ended_on": "",
        "mandate_end_reason": "",
        **formset("memberships", []),
        **formset("commission_seats", []),
    }
    response = editor_client.post(reverse("council_deputies:edit", args=[deputy.pk]), data)
    assert response.status_code == 200
    assert "Вкажіть дату припинення повноважень." in response.content.decode()
    deputy.refresh_from_db()
    assert deputy.status == "acting"


def test_a_faction_change_is_kept_in_the_edit_form(editor_client, convocation):
    deputy = DeputyFactory()
    MembershipFactory(deputy=deputy, convocation=convocation, end_date=datetime.date(2023, 2, 28))
    MembershipFactory(deputy=deputy, convocation=convocation, start_date=datetime.date(2023, 3, 1))
    response = editor_client.get(reverse("council_deputies:edit", args=[deputy.pk]))
    assert response.status_code == 200
    assert response.content.decode().count('name="memberships-') > 0
    assert 'name="memberships-TOTAL_FORMS" value="2"' in response.content.decode()


@pytest.mark.parametrize("screen", ["index", "add", "edit", "delete"])
def test_the_deputy_screens_show_no_english(editor_client, convocation, commission, screen):
    deputy = DeputyFactory()
    MembershipFactory(deputy=deputy, convocation=convocation)
    CommissionMembershipFactory(deputy=deputy, commission=commission)
    args = [deputy.pk] if screen in {"edit", "delete"} else []
    response = editor_client.get(reverse(f"council_deputies:{screen}", args=args))
    assert response.status_code == 200
    assert english_on(response) == []


@pytest.mark.parametrize("screen", ["index", "add", "edit"])
def test_the_convocation_screens_show_no_english(editor_client, convocation, screen):
    args = [convocation.pk] if screen == "edit" else []
    response = editor_client.get(reverse(f"council_convocations:{screen}", args=args))
    assert response.status_code == 200
    assert english_on(response) == []


def test_an_ended_mandate_ends_the_running_membership_or_is_refused(editor_client, convocation):
    """Ending the mandate but leaving the membership open would keep the deputy in the composition
    that decides every later vote, and count him or her absent from every later session."""
    deputy = DeputyFactory()
    membership = MembershipFactory(deputy=deputy, convocation=convocation, faction=None)

    def post(end_date, start_date="2020-12-01"):
        row = {"id": membership.pk, "convocation": convocation.pk, "faction": "", "start_date": start_date}
        data = {
            "full_name": deputy.full_name,
            "slug": deputy.slug,
            "status": "ended",
            "mandate_ended_on": "2024-04-15",
            "mandate_end_reason": "склав повноваження",
            **formset("memberships", [row | {"end_date": end_date}]),
            **formset("commission_seats", []),
        }
        data["memberships-INITIAL_FORMS"] = "1"
        return editor_client.post(reverse("council_deputies:edit", args=[deputy.pk]), data)

    for end_date in ("", "2024-06-30"):
        response = post(end_date)
        assert response.status_code == 200
        assert "Повноваження припинено 15.04.2024: членство має закінчитися не пізніше цього дня." in (
            response.content.decode()
        )
    response = post("", start_date="2024-05-01")
    assert "Повноваження припинено 15.04.2024, раніше за цей початок." in response.content.decode()
    deputy.refresh_from_db()
    assert deputy.status == "acting"
    assert post("2024-04-15").status_code == 302
    membership.refresh_from_db()
    assert membership.end_date == datetime.date(2024, 4, 15)
