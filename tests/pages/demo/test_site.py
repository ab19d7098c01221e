"""The demo finds the issuers a data migration or an editor made before it, by name."""

from pages import models as m
from pages.demo.base import Demo
from pages.demo.site import ensure_issuers


def test_issuers_made_before_the_demo_are_found_by_name_and_not_made_again(db):
    council = m.Issuer.objects.create(name="Ніжинська міська рада", slug="rada")
    demo = Demo(user=None, log=lambda message: None)
    issuers = ensure_issuers(demo)
    assert issuers["miska-rada"] == council
    assert m.Issuer.objects.count() == 3
    assert demo.report.created["органів"] == 2
    assert ensure_issuers(Demo(user=None, log=lambda message: None)) == issuers
    assert m.Issuer.objects.count() == 3
