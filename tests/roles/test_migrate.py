"""``migrate`` alone leaves a site whose groups hold what ``roles.definitions`` says, whenever it was run."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Collection, GroupCollectionPermission

from roles.definitions import ADMINISTRATORS, SECRETARIAT, SECRETARIAT_FILES

pytestmark = pytest.mark.django_db


def test_administrators_hold_every_permission_after_migrate_alone(db):
    # The test database is built by ``migrate``: no ``sync_roles``, no demo.
    missing = Permission.objects.exclude(group__name=ADMINISTRATORS)
    assert [f"{p.content_type.app_label}.{p.codename}" for p in missing] == []


def test_an_administrator_manages_redirects_on_a_freshly_migrated_site(login, administrator):
    client = login(administrator)
    response = client.post(
        reverse("wagtailredirects:add"),
        {
            "old_path": "/stara-storinka",
            "site": "",
            "is_permanent": "on",
            "redirect_link": "https://nizhynrada.gov.ua/novyny/",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    assert response.url == reverse("wagtailredirects:index")


def test_migrate_gives_a_site_migrated_before_what_a_role_was_given_since(db):
    secretariat = Group.objects.get(name=SECRETARIAT)
    # A site migrated before the secretariat moderated comments and had a collection of its own files.
    secretariat.permissions.remove(*Permission.objects.filter(content_type__app_label="discussion"))
    GroupCollectionPermission.objects.filter(group=secretariat, collection__name=SECRETARIAT_FILES).delete()
    call_command("migrate", verbosity=0)
    assert secretariat.permissions.filter(content_type__app_label="discussion", codename="change_comment")
    files = Collection.objects.get(name=SECRETARIAT_FILES)
    assert GroupCollectionPermission.objects.filter(
        group=secretariat, collection=files, permission__codename="add_document"
    ).exists()


def test_completing_the_roles_after_a_flush_does_nothing(db):
    """``flush`` sends ``post_migrate`` after emptying every table, the root collection included: the
    receiver must then leave the empty database alone (it failed on the missing root before)."""
    from django.apps import apps

    from roles.complete import complete_roles_after_migrate

    Group.objects.all().delete()
    GroupCollectionPermission.objects.all().delete()
    Collection.objects.all().delete()
    last = [config for config in apps.get_app_configs() if config.models_module is not None][-1]
    complete_roles_after_migrate(last)
    assert not Group.objects.exists() and not Collection.objects.exists()
