"""History: revisions compared, the audit log names who did what (imports too), an act reverted."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import ModelLogEntry, PageLogEntry, Revision
from wagtail.test.utils.form_data import querydict_from_html

from cms.audit import SYSTEM_USERNAME, system_user
from pages.models import NewsPage
from tests.pages.legacy.conftest import BundleBuilder, news_item

from .helpers import post_edit

pytestmark = pytest.mark.django_db


@pytest.fixture
def edited_twice(login, moderator, act):
    """``act`` published by the moderator with summary «Перша редакція», then «Друга редакція»."""
    client = login(moderator)
    for summary in ("Перша редакція", "Друга редакція"):
        assert post_edit(client, act, action="publish", summary=summary).status_code == 302
    act.refresh_from_db()
    return client, act


def test_the_compare_view_shows_the_changed_field(edited_twice):
    client, act = edited_twice
    first, second = act.revisions.order_by("created_at", "pk")
    url = reverse("wagtailadmin_pages:revisions_compare", args=[act.pk, first.pk, second.pk])
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    # The diff marks words: «Перша» deleted, «Друга» inserted, «редакція» unchanged.
    assert "Перша" in page and "Друга" in page


def test_the_history_names_who_published(edited_twice, moderator):
    client, act = edited_twice
    response = client.get(reverse("wagtailadmin_pages:history", args=[act.pk]))
    assert response.status_code == 200
    assert PageLogEntry.objects.filter(page=act, action="wagtail.publish", user=moderator).count() == 2
    assert moderator.get_full_name() in response.content.decode()


def test_reverting_an_act_to_an_earlier_revision_through_the_admin(edited_twice):
    client, act = edited_twice
    first = act.revisions.order_by("created_at", "pk").first()
    url = reverse("wagtailadmin_pages:revisions_revert", args=[act.pk, first.pk])
    response = client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data.update({"attachments-count": "0", "action-publish": "1"})
    assert client.post(url, data).status_code == 302
    act.refresh_from_db()
    assert act.summary == "Перша редакція"
    assert PageLogEntry.objects.filter(page=act, action="wagtail.revert").exists()


def test_the_legacy_import_is_recorded_under_the_system_user(tmp_path, home_page):
    root = BundleBuilder(tmp_path / "bundle").add(news_item("n1"), news_item("n2")).write()
    call_command("import_legacy", str(root), "--no-progress", stdout=io.StringIO(), stderr=io.StringIO())
    pages = NewsPage.objects.filter(legacy_id__in=["n1", "n2"])
    assert pages.count() == 2
    system = system_user()
    assert system.username == SYSTEM_USERNAME and not system.has_usable_password() and not system.is_active
    for page in pages:
        assert PageLogEntry.objects.filter(page=page, action="wagtail.create", user=system).exists()
        assert Revision.objects.filter(object_id=str(page.pk), user=system).exists()


def test_the_system_user_is_named_in_ukrainian_in_the_history(tmp_path, home_page, editor_client):
    root = BundleBuilder(tmp_path / "bundle").add(news_item("n3")).write()
    call_command("import_legacy", str(root), "--no-progress", stdout=io.StringIO(), stderr=io.StringIO())
    page = NewsPage.objects.get(legacy_id="n3")
    response = editor_client.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    assert "Система імпорту" in response.content.decode()


def test_the_registry_import_is_recorded_under_the_system_user(db):
    fixture = Path(__file__).resolve().parents[1] / "registry" / "fixtures" / "organizations.xlsx"
    call_command("import_organizations", str(fixture), stdout=io.StringIO(), stderr=io.StringIO())
    entries = ModelLogEntry.objects.filter(user=system_user(), action="wagtail.create")
    assert entries.exists()
    assert entries.first().content_type.app_label == "registry"
