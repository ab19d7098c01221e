"""Permissions are named in Ukrainian after every migrate; their codenames never change."""

import pytest
from django.contrib.auth.models import Permission


@pytest.mark.parametrize(
    "codename,name",
    [
        ("add_issuer", "Може додавати: орган, що видає акти"),
        ("view_issuer", "Може переглядати: орган, що видає акти"),
    ],
)
def test_default_permissions_are_named_in_ukrainian_after_migrate(db, codename, name):
    permission = Permission.objects.get(content_type__app_label="pages", codename=codename)
    assert permission.name == name
