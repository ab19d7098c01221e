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
    PartyOrganizationFactory(name="Ніжинська міська організація партії «Рух»")
    OrganizationFactory(short_name="Закрита спілка", status=RegistrationStatus.TERMINATED)
    out = io.StringIO()
    call_command("watch_organisations", stdout=out)
    call_command("watch_organisations", stdout=io.StringIO())
    assert out.getvalue().strip() == "2 watch-list entries added"
    assert set(WatchEntry.objects.values_list("kind", "phrase")) == {
        (WatchKind.ORGANISATION, "Ніжинські ініціативи"),
        (WatchKind.ORGANISATION, "Ніжинська міська організація партії «Рух»"),
    }


def test_an_organisation_is_found_in_inflected_text():
    OrganizationFactory(short_name="Ніжинські ініціативи")
    call_command("watch_organisations", stdout=io.StringIO())
    matches = WatchList.load().match("Представники Ніжинських ініціатив провели толоку.")
    assert [m.phrase for m in matches] == ["Ніжинських ініціатив"]
