"""Attachments: judged by content, size capped, kept outside the public media path until published."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from discussion.models import Comment, CommentStatus
from tests.factories import minimal_pdf

from .conftest import comment_data

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64


def post(client, draft, upload, **data):
    return client.post(f"/discussion/{draft.pk}/comment/", {**comment_data(**data), "attachment": upload})


@pytest.mark.parametrize(
    "name,content,kind",
    [("zauvazhennia.pdf", None, "pdf"), ("foto.png", PNG, "png"), ("foto.jpg", JPEG, "jpeg")],
)
def test_pdf_and_images_are_accepted_and_kept_private(
    client, open_draft, private_root, media_root, name, content, kind
):
    content = content or minimal_pdf()
    response = post(client, open_draft, SimpleUploadedFile(name, content))
    assert response.status_code == 200
    comment = Comment.objects.get()
    assert comment.attachment_kind == kind
    stored = Path(comment.attachment.path)
    assert stored.read_bytes() == content
    assert str(stored).startswith(str(Path(private_root).resolve()))
    assert not str(stored).startswith(str(Path(media_root).resolve()))


@pytest.mark.parametrize(
    "name,content",
    [
        ("zauvazhennia.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64),  # a Windows executable renamed
        ("foto.png", b"\x7fELF\x02\x01\x01" + b"\x00" * 64),  # a Linux executable renamed
        ("lyst.pdf", b"<html><script>alert(1)</script></html>"),  # HTML renamed
        ("foto.jpg", b"<svg onload=alert(1)>"),
        ("empty.pdf", b""),
    ],
)
def test_files_are_refused_by_content_whatever_their_name(client, open_draft, name, content):
    response = post(client, open_draft, SimpleUploadedFile(name, content, content_type="application/pdf"))
    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_a_file_over_the_cap_is_refused(client, open_draft, settings):
    settings.DISCUSSION_MAX_ATTACHMENT_SIZE = 1024
    big = b"%PDF-1.4\n" + b"0" * 2048
    response = post(client, open_draft, SimpleUploadedFile("big.pdf", big))
    assert response.status_code == 400
    assert "завеликий" in response.content.decode()


def test_attachment_is_served_publicly_only_once_the_comment_is_published(client, open_draft):
    post(client, open_draft, SimpleUploadedFile("foto.png", PNG))
    comment = Comment.objects.get()
    url = f"/discussion/attachment/{comment.pk}/"
    assert client.get(url).status_code == 404
    comment.status = CommentStatus.APPROVED
    comment.save()
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "attachment" in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == PNG


def test_moderators_read_pending_attachments_in_the_admin(editor_client, client, open_draft):
    post(client, open_draft, SimpleUploadedFile("foto.jpg", JPEG))
    comment = Comment.objects.get()
    response = editor_client.get(f"/admin/discussion/comments/attachment/{comment.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == JPEG
    html = editor_client.get(f"/admin/discussion/comments/edit/{comment.pk}/").content.decode()
    assert f"/admin/discussion/comments/attachment/{comment.pk}/" in html


def test_a_merged_repeat_keeps_no_second_file(client, open_draft, private_root):
    post(client, open_draft, SimpleUploadedFile("a.png", PNG), text="Той самий текст")
    post(client, open_draft, SimpleUploadedFile("b.png", PNG), text="той самий  текст")
    files = [p for p in Path(private_root).rglob("*") if p.is_file()]
    assert len(files) == 1 and Comment.objects.get().repeats == 2


def test_the_private_storage_has_no_public_url(open_draft):
    from discussion.storage import private_storage

    with pytest.raises(ValueError):
        private_storage.url("discussion/x.pdf")
