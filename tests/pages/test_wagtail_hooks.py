"""The issuers are edited through their snippet viewset, in Ukrainian."""

from wagtail.snippets.models import get_snippet_models

from pages import models as m
from pages.wagtail_hooks import IssuerViewSet
from tests import factories as f


def test_issuers_are_registered_through_their_viewset():
    assert m.Issuer in get_snippet_models()
    assert isinstance(m.Issuer.snippet_viewset, IssuerViewSet)


def test_editor_lists_issuers_with_their_short_names(editor_client):
    f.IssuerFactory(name="Ніжинська міська рада", short_name="Міська рада", slug="miska-rada")
    response = editor_client.get("/admin/snippets/pages/issuer/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Міська рада" in text and "коротка назва" in text.lower()
