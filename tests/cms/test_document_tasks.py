"""Text extraction runs as a task after the upload commits: never in the request, a signal or save()."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from cms.documents import extract_document_text
from cms.models import CouncilDocument, ExtractionStatus
from tests import factories as f
from tests.factories import minimal_pdf, root_collection_id

from .crafted import shared_stream_pdf

PHRASE = "Тарифи на вивезення відходів у мікрорайоні Любечанинів"


@pytest.fixture
def upload(admin_client):
    """POST a file to the admin's own document upload view; returns the response and the document."""

    def post(title, data, filename):
        response = admin_client.post(
            "/admin/documents/add/",
            {"title": title, "file": SimpleUploadedFile(filename, data), "collection": root_collection_id()},
        )
        return response, CouncilDocument.objects.filter(title=title).first()

    return post


def attach(document, home_page):
    acts = f.ActIndexPageFactory(parent=home_page)
    act = f.ActPageFactory(parent=acts, title="Про тарифи", date=datetime.date(2024, 1, 15))
    act.attachments = [("attachment", {"document": document, "title": "", "kind": "scan"})]
    act.save_revision().publish()
    return act


def run_database_queue() -> int:
    """Run the queued tasks as ``manage.py db_worker --batch`` does: claim each, then ``Worker.run_task``.

    The command itself calls ``close_old_connections()`` between tasks, which on PostgreSQL closes the
    connection that holds the test's transaction; the rest of its path is the same.
    """
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
        excluded_queue_names=[],
    )
    count = 0
    while (result := DBTaskResult.objects.ready().first()) is not None:
        result.claim(worker.worker_id)
        worker.run_task(result)
        count += 1
    return count


def found(client, query):
    return [result["page"].pk for result in client.get("/search/", {"q": query}).context["results"]]


def test_admin_upload_answers_before_the_extraction_which_runs_after_commit(
    upload, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        response, document = upload("Додаток", minimal_pdf(PHRASE), "dodatok.pdf")
    assert response.status_code == 302
    assert document.extraction_status == ExtractionStatus.PENDING
    assert document.extracted_text == ""
    assert len(callbacks) == 1  # the task is queued for the commit, not run in the request
    callbacks[0]()
    document.refresh_from_db()
    assert document.extraction_status == ExtractionStatus.DONE
    assert "Любечанинів" in document.extracted_text
    assert len(document.content_hash) == 64


def test_with_the_immediate_backend_search_finds_the_text_once_the_task_has_run(
    client, home_page, upload, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        _response, document = upload("Додаток", minimal_pdf(PHRASE), "dodatok.pdf")
    act = attach(document, home_page)
    assert found(client, "Любечанинів") == []
    for callback in callbacks:
        callback()
    assert found(client, "Любечанинів") == [act.pk]


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_with_the_database_queue_the_text_appears_after_the_worker_runs(
    client, home_page, upload, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _response, document = upload("Додаток", minimal_pdf(PHRASE), "dodatok.pdf")
    assert DBTaskResult.objects.filter(task_path="cms.tasks.extract_document_text_task").count() == 1
    act = attach(document, home_page)
    document.refresh_from_db()
    assert document.extraction_status == ExtractionStatus.PENDING
    assert run_database_queue() >= 2  # the extraction, then the re-index of the act it queued
    document.refresh_from_db()
    assert document.extraction_status == ExtractionStatus.DONE
    assert not DBTaskResult.objects.exclude(status="SUCCESSFUL").exists()
    assert found(client, "Любечанинів") == [act.pk]


def test_crafted_pdf_upload_is_saved_served_and_marked_with_the_reason(
    settings, admin_client, upload, django_capture_on_commit_callbacks
):
    settings.EXTRACTION_TIMEOUT_SECONDS = 60
    settings.EXTRACTION_MEMORY_MB = 256
    settings.EXTRACTION_MAX_PAGES = 1_000
    with django_capture_on_commit_callbacks(execute=True):
        response, document = upload("Бомба", shared_stream_pdf(pages=20_000), "bomb.pdf")
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.extraction_status == ExtractionStatus.FAILED
    assert document.extraction_error == "забагато сторінок: 20000 (ліміт — 1000)"
    assert admin_client.get(document.url).status_code == 200
    listing = admin_client.get("/admin/documents/").content.decode()
    assert "текст не витягнуто: забагато сторінок" in listing
    edit = admin_client.get(f"/admin/documents/edit/{document.pk}/").content.decode()
    assert "Текст для пошуку" in edit and "текст не витягнуто: забагато сторінок" in edit


def test_multiple_upload_queues_the_extraction_after_it_saves(
    admin_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            "/admin/documents/multiple/add/",
            {
                "files[]": SimpleUploadedFile("rishennia.pdf", minimal_pdf(PHRASE)),
                "collection": root_collection_id(),
            },
        )
    assert response.status_code == 200 and response.json()["success"]
    document = CouncilDocument.objects.get(pk=response.json()["doc_id"])
    assert document.extraction_status == ExtractionStatus.DONE
    assert "Любечанинів" in document.extracted_text


def test_a_new_file_in_the_edit_form_is_extracted_again(
    admin_client, upload, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _response, document = upload("Додаток", minimal_pdf("Старий текст про парк"), "a.pdf")
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            f"/admin/documents/edit/{document.pk}/",
            {
                "title": "Додаток",
                "file": SimpleUploadedFile("b.pdf", minimal_pdf("Новий текст про сквер")),
                "collection": root_collection_id(),
            },
        )
    document.refresh_from_db()
    assert "сквер" in document.extracted_text and "парк" not in document.extracted_text


def test_a_title_edit_does_not_queue_an_extraction(admin_client, upload, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _response, document = upload("Додаток", minimal_pdf(PHRASE), "a.pdf")
    with django_capture_on_commit_callbacks() as callbacks:
        admin_client.post(
            f"/admin/documents/edit/{document.pk}/",
            {"title": "Додаток 2", "collection": root_collection_id()},
        )
    assert callbacks == []


def test_an_unchanged_file_is_not_extracted_again(db):
    document = CouncilDocument.objects.create(
        title="Додаток", file=ContentFile(minimal_pdf(PHRASE), name="a.pdf")
    )
    extract_document_text(document_id=document.pk)
    CouncilDocument.objects.filter(pk=document.pk).update(extracted_text="як було")
    extract_document_text(document_id=document.pk)
    assert CouncilDocument.objects.get(pk=document.pk).extracted_text == "як було"


def test_a_document_whose_file_is_missing_is_marked_with_the_reason(db):
    document = CouncilDocument.objects.create(title="Втрачений", file="documents/missing.pdf")
    extract_document_text(document_id=document.pk)
    document.refresh_from_db()
    assert document.extraction_status == ExtractionStatus.FAILED
    assert document.extraction_error == "файл неможливо прочитати"


def test_a_document_deleted_before_its_task_ran_is_skipped(db):
    assert extract_document_text(document_id=987654) is None


def test_saving_a_document_in_code_extracts_nothing(db):
    """No signal and no save() does the work: only the task does."""
    document = CouncilDocument.objects.create(
        title="Додаток", file=ContentFile(minimal_pdf(PHRASE), name="a.pdf")
    )
    document.refresh_from_db()
    assert (document.extraction_status, document.extracted_text) == (ExtractionStatus.PENDING, "")
