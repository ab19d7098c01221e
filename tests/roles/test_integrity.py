"""An act others rely on is not deleted silently; its usage is shown; a locked page stays locked."""

import pytest
from django.db.models import RestrictedError
from django.urls import reverse
from wagtail.models import Page

from pages.models import ActPage, ActRelation
from pages.models.kinds import ActType, RelationKind
from tests import factories as f
from tests.admin.visible_text import UPSTREAM_LITERALS, untranslated, visible_texts

from .helpers import edit_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def linked(sections, act):
    """``act`` amended by one act, the subject of a commission document, and the adoption of a draft."""
    amending = f.ActPageFactory(parent=sections["acts"], title="Про зміни до бюджету")
    amending.relations.add(ActRelation(kind=RelationKind.AMENDS, target=act))
    amending.save()
    draft = f.ActPageFactory(
        parent=sections["acts"], title="Проєкт про бюджет", act_type=ActType.DRAFT_DECISION, adopted_as=act
    )
    document = f.CommissionDocumentPageFactory(parent=sections["commission"], title="Висновок щодо бюджету")
    document.concerns.add(act)
    document.save()
    return {"amending": amending, "draft": draft, "document": document}


def test_deleting_an_act_others_rely_on_lists_them_and_is_refused(login, moderator, act, linked):
    client = login(moderator)
    url = reverse("wagtailadmin_pages:delete", args=[act.pk])
    page = client.get(url).content.decode()
    for dependent in linked.values():
        assert dependent.title in page
    client.post(url, {"confirm_site_name": "x"})
    assert ActPage.objects.filter(pk=act.pk).exists()
    assert ActRelation.objects.filter(target=act).count() == 1
    assert ActPage.objects.get(pk=linked["draft"].pk).adopted_as_id == act.pk
    assert linked["document"].concerns.filter(pk=act.pk).exists()


def test_unpublishing_an_act_others_rely_on_lists_them(login, moderator, act, linked):
    page = login(moderator).get(reverse("wagtailadmin_pages:unpublish", args=[act.pk])).content.decode()
    assert "data-roles-dependents" in page
    for dependent in linked.values():
        assert dependent.title in page


def test_an_act_nobody_relies_on_is_deleted_as_usual(login, moderator, sections):
    lonely = f.ActPageFactory(parent=sections["acts"], title="Самотнє рішення")
    response = login(moderator).post(reverse("wagtailadmin_pages:delete", args=[lonely.pk]))
    assert response.status_code == 302
    assert not Page.objects.filter(pk=lonely.pk).exists()


def test_the_usage_view_shows_the_amending_act_and_the_draft(login, moderator, act, linked):
    page = login(moderator).get(reverse("wagtailadmin_pages:usage", args=[act.pk])).content.decode()
    assert linked["amending"].title in page
    assert linked["draft"].title in page


def test_the_relations_survive_a_delete_outside_the_admin(act, linked):
    with pytest.raises(RestrictedError):
        Page.objects.get(pk=act.pk).delete()


def test_the_whole_acts_section_can_still_be_deleted_with_its_links(sections, act, linked):
    linked["document"].concerns.clear()
    sections["acts"].delete()
    assert not ActPage.objects.exists()


def test_a_page_locked_by_one_editor_cannot_be_saved_by_another(login, moderator, secretary, act):
    response = login(moderator).post(reverse("wagtailadmin_pages:lock", args=[act.pk]))
    assert response.status_code == 302
    act.refresh_from_db()
    assert act.locked and act.locked_by == moderator
    client = login(secretary)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[act.pk])).content.decode()
    assert "moderator" in edit  # the notice names who holds the lock
    data = edit_form_data(client, act, title="Чужа правка")
    client.post(reverse("wagtailadmin_pages:edit", args=[act.pk]), data)
    act.refresh_from_db()
    assert act.title == "Про бюджет"
    assert not act.revisions.filter(content__title="Чужа правка").exists()


def test_an_editor_opening_a_page_another_has_open_is_told_who(login, moderator, secretary, act):
    assert login(secretary).get(reverse("wagtailadmin_pages:edit", args=[act.pk])).status_code == 200
    ping = reverse("wagtailadmin_editing_sessions:ping", args=["wagtailcore", "page", str(act.pk), 999999])
    response = login(moderator).post(ping, {"is_editing": "1"})
    assert response.status_code == 200
    others = response.json()["other_sessions"]
    assert others and "secretary" in str(others)


def bulk_delete_url(*pages):
    """Wagtail's bulk delete of the pages ticked in an explorer listing."""
    ids = "&".join(f"id={page.pk}" for page in pages)
    return reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"]) + f"?{ids}&next=/admin/"


def test_the_bulk_delete_refuses_an_act_others_rely_on(login, moderator, act, linked):
    """Ticking the act in the explorer and choosing «Видалити»: refused with the list, never a 500."""
    response = login(moderator).post(bulk_delete_url(act), {})
    assert response.status_code == 200
    page = response.content.decode()
    assert "data-roles-dependents" in page
    for dependent in linked.values():
        assert dependent.title in page
    assert [text for text in untranslated(visible_texts(page)) if text not in UPSTREAM_LITERALS] == []
    assert ActPage.objects.filter(pk=act.pk).exists()
    assert ActRelation.objects.filter(target=act).count() == 1


def test_the_bulk_delete_keeps_the_act_a_commission_document_concerns(login, moderator, sections, act):
    document = f.CommissionDocumentPageFactory(parent=sections["commission"], title="Висновок щодо бюджету")
    document.concerns.add(act)
    document.save()
    other = f.ActPageFactory(parent=sections["acts"], title="Про інше")
    response = login(moderator).post(bulk_delete_url(act, other), {})
    assert "Висновок щодо бюджету" in response.content.decode()
    # Nothing is deleted, not even the act nobody relies on: the editor decides again from the list.
    assert ActPage.objects.filter(pk__in=[act.pk, other.pk]).count() == 2
    assert document.concerns.filter(pk=act.pk).exists()


def test_the_bulk_delete_still_deletes_what_nobody_relies_on(login, moderator, sections):
    lonely = f.ActPageFactory(parent=sections["acts"], title="Про нічого")
    response = login(moderator).post(bulk_delete_url(lonely), {})
    assert response.status_code == 302
    assert not Page.objects.filter(pk=lonely.pk).exists()
