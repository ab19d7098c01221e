"""The secretariat's own work beyond the page tree: the comments it is told about, the files of an act."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection

from discussion.models import Comment, CommentStatus
from discussion.services import kyiv_today
from pages.models import ActStatus, ActType
from roles.definitions import SECRETARIAT_FILES, SIGNED_SCANS
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_draft(sections):
    return f.ActPageFactory(
        parent=sections["acts"],
        title="Про правила благоустрою",
        act_type=ActType.DRAFT_DECISION,
        status=ActStatus.DRAFT,
        number="",
        adopted_on=None,
        date=kyiv_today() - datetime.timedelta(days=3),
        discussion_until=kyiv_today() + datetime.timedelta(days=14),
    )


def test_the_secretary_moderates_the_comment_the_mail_tells_her_about(
    client, settings, tmp_path, login, secretary, open_draft
):
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    mail.outbox.clear()
    response = client.post(
        reverse("discussion:post_comment", args=[open_draft.pk]),
        {
            "author_name": "Олена Петренко",
            "email": "olena@example.org",
            "text": "Пропоную додати велодоріжки.",
            "consent": "on",
            "website": "",
        },
    )
    assert response.status_code in (200, 302)
    [notice] = [message for message in mail.outbox if secretary.email in message.to]
    admin_url = re.search(r"http://testserver(/admin/\S+)", notice.body).group(1)

    secretary_client = login(secretary)
    assert secretary_client.get(reverse("discussion_comments:index")).status_code == 200
    assert secretary_client.get(admin_url).status_code == 200
    response = secretary_client.post(admin_url, {"action": "approve", "rejection_reason": "", "reply": ""})
    assert response.status_code == 302
    assert Comment.objects.get().status == CommentStatus.APPROVED


def collections_offered(client, url):
    form = BeautifulSoup(client.get(url).content, "lxml").find("select", attrs={"name": "collection"})
    return [option.get_text(strip=True) for option in form.find_all("option")] if form else []


def upload(client, *, title, collection, name, content):
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": title, "collection": collection.pk, "file": SimpleUploadedFile(name, content), "tags": ""},
    )


def test_the_secretary_keeps_the_editable_file_of_an_act_apart_from_its_signed_scan(
    login, secretary, sections
):
    """docs/editors.md: the signed scan goes to «Підписані скани», the editable file and annexes elsewhere."""
    client = login(secretary)
    assert set(collections_offered(client, reverse("wagtaildocs:add"))) == {SIGNED_SCANS, SECRETARIAT_FILES}
    files = Collection.objects.get(name=SECRETARIAT_FILES)
    title = "Рішення 5-12 (для редагування)"
    response = upload(client, title=title, collection=files, name="r.txt", content=b"v1")
    assert response.status_code == 302
    document = get_document_model().objects.get(title=title)
    assert document.collection == files

    # Unlike a signed scan, the editable file is replaced by a new version.
    response = client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": document.title,
            "collection": files.pk,
            "file": SimpleUploadedFile("r2.txt", b"v2"),
            "tags": "",
        },
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.file.read() == b"v2"
