"""A published act's requisites change only by a moderator, with a reason; a signed scan keeps its file."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Collection

from cms.models import CouncilDocument, RequisiteChange
from roles.definitions import SIGNED_SCANS
from tests import factories as f

from .helpers import post_edit

pytestmark = pytest.mark.django_db


def test_secretary_cannot_change_the_number_of_a_published_act(login, secretary, act):
    response = post_edit(login(secretary), act, number="2-49/2018")
    assert response.status_code == 200
    assert "only by a moderator" in response.content.decode() or "лише модератор" in response.content.decode()
    assert not act.revisions.exists()
    assert not RequisiteChange.objects.exists()


def test_secretary_still_edits_the_text_of_a_published_act(login, secretary, act):
    response = post_edit(login(secretary), act, summary="Уточнено анонс")
    assert response.status_code == 302


def test_moderator_must_give_a_reason_to_change_requisites(login, moderator, act):
    response = post_edit(login(moderator), act, action="publish", number="2-49/2018")
    assert response.status_code == 200
    act.refresh_from_db()
    assert act.number == "1-49/2018"
    assert not RequisiteChange.objects.exists()


def test_moderators_change_is_recorded_and_shown_on_the_public_page(login, moderator, act, client):
    response = post_edit(
        login(moderator),
        act,
        action="publish",
        number="2-49/2018",
        adopted_on="2018-11-07",
        requisite_change_reason="Технічна помилка в номері",
    )
    assert response.status_code == 302
    act.refresh_from_db()
    assert act.number == "2-49/2018" and act.adopted_on == datetime.date(2018, 11, 7)
    change = RequisiteChange.objects.get(page=act)
    assert change.user == moderator and change.reason == "Технічна помилка в номері"
    assert "1-49/2018 → 2-49/2018" in change.summary()
    client.logout()
    page = client.get(act.url).content.decode()
    assert "Технічна помилка в номері" in page
    assert "1-49/2018 → 2-49/2018" in page


def test_a_draft_act_changes_its_requisites_freely(login, secretary, sections):
    draft = f.ActPageFactory(parent=sections["acts"], live=False, number="")
    response = post_edit(login(secretary), draft, number="5-49/2018")
    assert response.status_code == 302
    assert not RequisiteChange.objects.exists()


@pytest.fixture
def signed_scan(sections):
    return f.DocumentFactory(
        title="Рішення 1-49/2018 (скан)", collection=Collection.objects.get(name=SIGNED_SCANS)
    )


def edit_document(client, document, upload):
    return client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {"title": document.title, "collection": document.collection_id, "file": upload, "tags": ""},
    )


def test_a_signed_scan_cannot_be_replaced_silently(login, secretary, signed_scan):
    original = signed_scan.file.name
    upload = SimpleUploadedFile("other.pdf", f.minimal_pdf("Інший текст"), content_type="application/pdf")
    response = edit_document(login(secretary), signed_scan, upload)
    assert response.status_code == 200
    signed_scan.refresh_from_db()
    assert signed_scan.file.name == original
    assert signed_scan.file.storage.exists(original)


def test_a_new_version_of_a_signed_scan_is_a_new_document_and_both_are_kept(login, secretary, signed_scan):
    upload = SimpleUploadedFile("new.pdf", f.minimal_pdf("Нова версія"), content_type="application/pdf")
    response = login(secretary).post(
        reverse("wagtaildocs:add"),
        {
            "title": "Рішення 1-49/2018 (скан, нова версія)",
            "collection": signed_scan.collection_id,
            "file": upload,
        },
    )
    assert response.status_code == 302
    assert CouncilDocument.objects.filter(collection=signed_scan.collection).count() == 2


def test_other_documents_can_still_have_their_file_replaced(login, moderator, sections):
    document = f.DocumentFactory(title="Оголошення")
    upload = SimpleUploadedFile("new.pdf", f.minimal_pdf("Нова версія"), content_type="application/pdf")
    response = edit_document(login(moderator), document, upload)
    assert response.status_code == 302
