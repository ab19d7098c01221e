"""The demo reuses the council's issuers that a data migration (or an editor) made before it."""

from pages import models as m
from pages.demo.base import Demo
from pages.demo.site import ensure_issuers


def quiet_demo():
    return Demo(user=None, log=lambda message: None)


def test_the_demo_reuses_the_issuers_the_migration_made_as_editors_left_them(db):
    made = set(m.Issuer.objects.values_list("pk", flat=True))
    assert len(made) == 3
    m.Issuer.objects.filter(slug="miska-rada").update(name="Ніжинська міська рада Чернігівської області")
    demo = quiet_demo()
    issuers = ensure_issuers(demo)
    assert {issuer.pk for issuer in issuers.values()} == made
    assert demo.report.created["органів"] == 0
    assert issuers["miska-rada"].name == "Ніжинська міська рада Чернігівської області"
    assert ensure_issuers(quiet_demo()) == issuers


def test_a_council_issuer_deleted_by_an_editor_is_made_again(db):
    m.Issuer.objects.filter(slug="vykonkom").delete()
    demo = quiet_demo()
    issuers = ensure_issuers(demo)
    assert demo.report.created["органів"] == 1
    assert issuers["vykonkom"].name == "Виконавчий комітет Ніжинської міської ради"
    assert m.Issuer.objects.count() == 3
