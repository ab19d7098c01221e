import pytest
from django.core.exceptions import PermissionDenied

from registry import permissions
from registry.models import NGO, Organization, PartyOrganization

pytestmark = pytest.mark.django_db


def test_a_keeper_may_add_change_and_view_both_registries(keeper):
    for model in (NGO, PartyOrganization, Organization):
        assert permissions.user_can(keeper, model, "add", "change", "view")


def test_a_news_editor_is_refused(news_editor):
    assert not permissions.user_can(news_editor, NGO, "view")
    with pytest.raises(PermissionDenied):
        permissions.require(news_editor, PartyOrganization, "add")
