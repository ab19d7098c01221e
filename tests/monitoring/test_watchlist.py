import io

import pytest
from django.core.management import call_command

from monitoring.matching import WatchList
from monitoring.models import WatchEntry, WatchKind
from registry.models import RegistrationStatus
from tests.registry.factories import OrganizationFactory, PartyOrganizationFactory

pytestmark = pytest.mark.django_db


def test_registered_organisations_join_the_watch_list_once_by_short_name():
    OrganizationFactory(
        name="Громадська організація «Ніжинські ініціативи»", short_name="Ніжинські ініціативи"
    )
    OrganizationFactory(name="Громадська організація «Ветерани Ніжина»")
    PartyOrganizationFactory(
        name="Ніжинська міська організація партії «Рух»", party="Рух", faction="Фракція «Рух»"
    )
    OrganizationFactory(short_name="Закрита спілка", status=RegistrationStatus.TERMINATED)
    out = io.StringIO()
    call_command("watch_organisations", stdout=out)
    call_command("watch_organisations", stdout=io.StringIO())
    assert out.getvalue().strip() == "4 watch-list entries added"
    assert set(WatchEntry.objects.values_list("kind", "phrase")) == {
        (WatchKind.ORGANISATION, "Ніжинські ініціативи"),
        (WatchKind.ORGANISATION, "Громадська організація «Ветерани Ніжина»"),
        (WatchKind.ORGANISATION, "партія «Рух»"),
        (WatchKind.ORGANISATION, "Фракція «Рух»"),
    }


def test_an_organisation_is_found_in_inflected_text():
    OrganizationFactory(short_name="Ніжинські ініціативи")
    call_command("watch_organisations", stdout=io.StringIO())
    matches = WatchList.load().match("Представники Ніжинських ініціатив провели толоку.")
    assert [m.phrase for m in matches] == ["Ніжинських ініціатив"]


def test_a_party_is_found_by_party_or_faction_not_by_its_bare_name():
    PartyOrganizationFactory(party="Батьківщина", faction="Фракція «Батьківщина»")
    call_command("watch_organisations", stdout=io.StringIO())
    watch_list = WatchList.load()
    assert [m.phrase for m in watch_list.match("Члени партії «Батьківщина» провели збори.")] == [
        'партії "Батьківщина'  # quotes normalised; the span ends with the last word
    ]
    assert [m.phrase for m in watch_list.match("Депутати фракції «Батьківщина» голосували проти.")] == [
        'фракції "Батьківщина'
    ]
    assert watch_list.match("Любов до Батьківщини починається з малого.") == []
