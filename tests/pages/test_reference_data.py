"""The council's issuers come with the site: a data migration makes them, editable and re-runnable."""

import pytest

from pages.models import Issuer
from pages.reference_data import COUNCIL_ISSUERS, ensure_council_issuers

pytestmark = pytest.mark.django_db


def test_a_migrated_site_has_the_councils_issuers_with_their_other_names():
    assert set(Issuer.objects.values_list("slug", "name")) >= {
        ("miska-rada", "Ніжинська міська рада"),
        ("vykonkom", "Виконавчий комітет Ніжинської міської ради"),
        ("miskyi-holova", "Ніжинський міський голова"),
    }
    assert "Виконком" in Issuer.objects.get(slug="vykonkom").alias_list()


def test_running_it_again_creates_nothing_and_keeps_the_editors_changes():
    Issuer.objects.filter(slug="miska-rada").update(name="Ніжинська міська рада (VIII скликання)")
    before = Issuer.objects.count()
    created = ensure_council_issuers(Issuer)
    assert not any(was_created for _, was_created in created.values())
    assert Issuer.objects.count() == before
    assert Issuer.objects.get(slug="miska-rada").name == "Ніжинська міська рада (VIII скликання)"


def test_a_deleted_issuer_is_made_again():
    Issuer.objects.filter(slug="miskyi-holova").delete()
    assert ensure_council_issuers(Issuer)["miskyi-holova"][1] is True
    assert Issuer.objects.filter(slug__in=[slug for slug, *_ in COUNCIL_ISSUERS]).count() == 3
