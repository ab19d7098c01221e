"""Attachments download under readable transliterated names, not the hash-like names of the old site."""

from django.core.files.uploadedfile import SimpleUploadedFile

from cms.models import CouncilDocument
from cms.text import readable_filename
from tests.factories import minimal_pdf, root_collection_id


def test_readable_filename_transliterates_the_title_and_keeps_the_extension():
    name = readable_filename(title="Рішення № 123 від 15.01.2024", filename="2ca76ad35559.PDF")
    assert name == "rishennia-123-vid-15-01-2024.pdf"


def test_readable_filename_does_not_repeat_an_extension_in_the_title():
    assert readable_filename(title="Додаток.pdf", filename="Додаток.pdf") == "dodatok.pdf"


def test_readable_filename_falls_back_to_the_file_name_then_to_document():
    assert readable_filename(title="№ ?", filename="Кошторис.docx") == "koshtorys.docx"
    assert readable_filename(title="", filename="???.odt") == "document.odt"


def test_admin_upload_downloads_under_the_transliterated_title(admin_client, client):
    admin_client.post(
        "/admin/documents/add/",
        {
            "title": "Рішення № 123 від 15.01.2024",
            "file": SimpleUploadedFile("2ca76ad35559.pdf", minimal_pdf("Рішення")),
            "collection": root_collection_id(),
        },
    )
    document = CouncilDocument.objects.get()
    assert document.filename == "rishennia-123-vid-15-01-2024.pdf"
    response = client.get(document.url)
    assert response.status_code == 200
    assert 'filename="rishennia-123-vid-15-01-2024.pdf"' in response["Content-Disposition"]


def test_a_second_upload_with_the_same_title_gets_its_own_readable_name(admin_client):
    for _ in range(2):
        admin_client.post(
            "/admin/documents/add/",
            {
                "title": "Додаток 1",
                "file": SimpleUploadedFile("x.docx", b"PK\x03\x04 not a real docx"),
                "collection": root_collection_id(),
            },
        )
    first, second = CouncilDocument.objects.order_by("pk")
    assert first.filename == "dodatok-1.docx"
    assert second.filename.startswith("dodatok-1_") and second.filename.endswith(".docx")
    assert first.url != second.url
