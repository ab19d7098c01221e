"""Each group can do its part through the admin's own views, and nothing more."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from roles.definitions import (
    ADMINISTRATORS,
    MODERATORS,
    PRESS_OFFICE,
    REGISTRY_KEEPERS,
    SECRETARIAT,
    SIGNED_SCANS,
)
from tests import factories as f

from .helpers import edit_form_data

pytestmark = pytest.mark.django_db


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def test_the_migration_creates_every_group_in_ukrainian(db):
    names = set(Group.objects.values_list("name", flat=True))
    assert {PRESS_OFFICE, SECRETARIAT, REGISTRY_KEEPERS, MODERATORS, ADMINISTRATORS} <= names


def test_sync_roles_runs_twice_without_creating_anything_twice(sections):
    counts = (GroupPagePermission.objects.count(), GroupCollectionPermission.objects.count())
    call_command("sync_roles", verbosity=0)
    assert (GroupPagePermission.objects.count(), GroupCollectionPermission.objects.count()) == counts
    assert Collection.objects.filter(name=SIGNED_SCANS).count() == 1


def test_the_secretariat_gets_the_signed_scans_collection(sections):
    scans = Collection.objects.get(name=SIGNED_SCANS)
    codenames = set(
        GroupCollectionPermission.objects.filter(group__name=SECRETARIAT, collection=scans).values_list(
            "permission__codename", flat=True
        )
    )
    assert {"add_document", "change_document", "choose_document"} <= codenames


def test_press_officer_cannot_open_an_act_in_the_editor(login, press_officer, act):
    response = login(press_officer).get(edit_url(act))
    assert response.status_code in (302, 403)


def test_press_officer_cannot_change_an_act_by_posting_the_form(login, press_officer, moderator, act):
    data = edit_form_data(login(moderator), act, title="Змінено пресслужбою")
    revisions = act.revisions.count()
    client = login(press_officer)
    response = client.post(edit_url(act), {**data.dict(), "action-publish": "publish"})
    assert response.status_code in (302, 403)
    act.refresh_from_db()
    assert act.title == "Про бюджет"
    assert act.revisions.count() == revisions


@pytest.mark.parametrize("view", ["delete", "unpublish", "move"])
def test_press_officer_cannot_delete_unpublish_or_move_an_act(login, press_officer, act, sections, view):
    client = login(press_officer)
    url = reverse(f"wagtailadmin_pages:{view}", args=[act.pk])
    assert client.get(url).status_code in (302, 403)
    response = client.post(url, {"new_parent_page": sections["news"].pk})
    assert response.status_code in (302, 403)
    act.refresh_from_db()
    assert act.live and act.get_parent().pk == sections["acts"].pk


def test_press_officer_publishes_news_directly(login, press_officer, news):
    client = login(press_officer)
    data = edit_form_data(client, news, title="Оновлено")
    response = client.post(edit_url(news), {**data.dict(), "action-publish": "1"})
    assert response.status_code == 302
    news.refresh_from_db()
    assert news.title == "Оновлено" and news.live


def test_press_officer_adds_news_but_not_acts(login, press_officer, sections):
    client = login(press_officer)
    news_add = reverse("wagtailadmin_pages:add", args=["pages", "newspage", sections["news"].pk])
    act_add = reverse("wagtailadmin_pages:add", args=["pages", "actpage", sections["acts"].pk])
    assert client.get(news_add).status_code == 200
    assert client.get(act_add).status_code in (302, 403)


def test_secretary_cannot_touch_news(login, secretary, news):
    client = login(secretary)
    assert client.get(edit_url(news)).status_code in (302, 403)
    response = client.post(reverse("wagtailadmin_pages:delete", args=[news.pk]))
    assert response.status_code in (302, 403)
    assert Page.objects.filter(pk=news.pk, live=True).exists()


def test_secretary_edits_an_act_but_cannot_publish_it(login, secretary, act):
    client = login(secretary)
    response = client.post(
        edit_url(act), {**edit_form_data(client, act, summary="Нова редакція").dict(), "action-publish": "1"}
    )
    assert response.status_code == 302
    act.refresh_from_db()
    assert act.summary == ""  # the live act is unchanged: the edit is only a draft
    assert act.get_latest_revision().as_object().summary == "Нова редакція"
    assert not act.permissions_for_user(secretary).can_publish()


def test_secretary_manages_issuers(login, secretary):
    response = login(secretary).post(
        reverse("wagtailsnippets_pages_issuer:add"),
        {"name": "Тимчасова контрольна комісія", "slug": "tymchasova-komisiia"},
    )
    assert response.status_code == 302
    assert f.m.Issuer.objects.filter(slug="tymchasova-komisiia").exists()


def test_press_officer_cannot_manage_issuers(login, press_officer):
    response = login(press_officer).get(reverse("wagtailsnippets_pages_issuer:add"))
    assert response.status_code in (302, 403)


def test_registry_keeper_sees_no_pages(login, keeper, act, news):
    client = login(keeper)
    response = client.get(reverse("wagtailadmin_explore_root"))
    assert response.status_code in (302, 403)
    assert client.get(edit_url(act)).status_code in (302, 403)
    assert client.get(edit_url(news)).status_code in (302, 403)


def test_registry_keeper_manages_the_registries(login, keeper):
    response = login(keeper).get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert keeper.has_perm("registry.add_organization") and keeper.has_perm("registry.change_organization")


def test_moderator_edits_and_publishes_any_page(login, moderator, act, news):
    client = login(moderator)
    for page in (act, news):
        response = client.post(
            edit_url(page), {**edit_form_data(client, page, title="Перевірено").dict(), "action-publish": "1"}
        )
        assert response.status_code == 302
        page.refresh_from_db()
        assert page.title == "Перевірено"


def test_administrators_hold_every_permission(administrator, sections):
    assert administrator.has_perm("registry.delete_organization")
    assert sections["acts"].permissions_for_user(administrator).can_publish()
