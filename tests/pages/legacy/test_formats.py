"""The CSV form (django-import-export resources) and the Plone collective.exportimport form."""

import base64
import csv
import json

from django.core.management import call_command
from wagtail.models import Page

from pages.models import ActPage, NewsPage, StandardPage
from pages.resources import COMMON_COLUMNS, NewsResource

from .conftest import DECISION_TEXT, docx_bytes
from .test_import import run, summary_counts

NEWS_COLUMNS = [*COMMON_COLUMNS, "kind"]
ACT_COLUMNS = [*COMMON_COLUMNS, "act_type", "number", "issuer", "adopted_on", "status", "discussion_until"]


def write_csv(path, columns, rows):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)


def test_csv_per_type_is_imported_through_the_resources(bundle, council, client):
    write_csv(
        bundle.root / "news.csv",
        NEWS_COLUMNS,
        [
            {
                "legacy_id": "n1",
                "title": "Новина з CSV",
                "published": "03.05.2018 10:15",
                "url": "/news/1.html",
                "body_html": "<p>Текст</p>",
                "tags": "бюджет, сесія",
                "attachments": "",
                "kind": "announcement",
            },
        ],
    )
    write_csv(
        bundle.root / "act.csv",
        ACT_COLUMNS,
        [
            {
                "legacy_id": "a1",
                "title": "Рішення з CSV",
                "published": "04.05.2018",
                "url": "/docs/1",
                "attachments": "files/decision.docx|Скан",
                "act_type": "council_decision",
                "number": "1-1/2018",
                "issuer": "Міська рада",
                "adopted_on": "04.05.2018",
                "status": "adopted",
            },
            {
                "legacy_id": "a2",
                "title": "Рішення з поганою датою",
                "published": "31.11.2018",
                "act_type": "council_decision",
                "issuer": "Міська рада",
            },
        ],
    )
    out, err = run(bundle.root)
    news = NewsPage.objects.get(legacy_id="n1")
    assert news.kind == "announcement"
    assert sorted(tag.name for tag in news.tags.all()) == ["бюджет", "сесія"]
    act = ActPage.objects.get(legacy_id="a1")
    assert act.issuer == council
    assert DECISION_TEXT in act.attached_documents[0].extracted_text
    assert "рядок act.csv:3 [a2]: неправильна дата" in err
    assert client.get("/docs/1").status_code == 301
    assert summary_counts(out)["створено"] == 2


def test_csv_rerun_creates_nothing_twice(bundle, council):
    write_csv(
        bundle.root / "news.csv",
        NEWS_COLUMNS,
        [{"legacy_id": "n1", "title": "Новина", "published": "03.05.2018", "kind": "news"}],
    )
    run(bundle.root)
    out, _ = run(bundle.root)
    assert summary_counts(out)["без змін"] == 1
    assert NewsPage.objects.count() == 1


def test_resource_maps_a_row_to_the_canonical_item():
    mapping = NewsResource().row_to_mapping(
        {
            "legacy_id": "n1",
            "title": "Т",
            "published": "01.01.2020",
            "tags": "a,b",
            "attachments": "files/x.pdf|Додаток",
            "kind": "news",
        }
    )
    assert mapping["type"] == "news"
    assert mapping["tags"] == ["a", "b"]
    assert mapping["attachments"] == [{"path": "files/x.pdf", "title": "Додаток"}]


def plone_export(bundle_root, include_blob_file=True):
    if include_blob_file:
        (bundle_root / "blobs").mkdir(exist_ok=True)
        (bundle_root / "blobs" / "123" / "blob").parent.mkdir(parents=True, exist_ok=True)
        (bundle_root / "blobs" / "123" / "blob").write_bytes(docx_bytes("Положення про конкурс"))
    items = [
        {
            "@id": "http://nizhynrada.gov.ua/news/sesiya",
            "@type": "News Item",
            "UID": "uid-news",
            "title": "Сесія ради",
            "description": "Коротко",
            "review_state": "published",
            "effective": "2018-05-03T10:15:00+00:00",
            "created": "2018-05-02T09:00:00+00:00",
            "subjects": ["сесія"],
            "text": {
                "content-type": "text/html",
                "data": "<p class='MsoNormal'>Текст</p>",
                "encoding": "utf-8",
            },
        },
        {
            "@id": "http://nizhynrada.gov.ua/about/pro-radu",
            "@type": "Document",
            "UID": "uid-doc",
            "title": "Про раду",
            "review_state": "private",
            "effective": None,
            "created": "2015-01-01T00:00:00+00:00",
            "text": {"data": "<p>Чернетка</p>"},
        },
        {
            "@id": "http://nizhynrada.gov.ua/files/rishennia.docx",
            "@type": "File",
            "UID": "uid-file",
            "title": "Рішення",
            "review_state": "published",
            "effective": "2018-06-01T12:00:00+00:00",
            "file": {
                "data": base64.b64encode(docx_bytes(DECISION_TEXT)).decode(),
                "encoding": "base64",
                "filename": "rishennia.docx",
                "content-type": "application/octet-stream",
            },
        },
        {
            "@id": "http://nizhynrada.gov.ua/files/polozhennia.docx",
            "@type": "File",
            "UID": "uid-blob",
            "title": "Положення",
            "review_state": "published",
            "effective": "2018-06-02T12:00:00+00:00",
            "file": {"blob_path": "blobs/123/blob", "filename": "polozhennia.docx"},
        },
        {
            "@id": "http://nizhynrada.gov.ua/events/den-mista",
            "@type": "Event",
            "UID": "uid-event",
            "title": "День міста",
            "review_state": "published",
            "effective": "2018-09-01T08:00:00+00:00",
            "start": "2018-09-08T10:00:00+00:00",
            "text": {"data": "<p>Свято</p>"},
        },
        {
            "@id": "http://nizhynrada.gov.ua/folder",
            "@type": "Folder",
            "UID": "uid-folder",
            "title": "Тека",
            "effective": "2018-01-01T00:00:00+00:00",
        },
        {"unexported_paths": ["/plone/broken"]},
    ]
    path = bundle_root / "export.json"
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    return path


def test_plone_export_is_mapped_to_our_types(bundle, council, client):
    path = plone_export(bundle.root)
    out, err = run(path)
    news = NewsPage.objects.get(legacy_id="uid-news")
    assert news.title == "Сесія ради" and news.lead == "Коротко" and news.live
    assert news.body.raw_data[0]["value"] == "<p>Текст</p>"
    assert client.get("/news/sesiya")["Location"] == news.url
    event = NewsPage.objects.get(legacy_id="uid-event")
    assert event.kind == "announcement"
    draft = StandardPage.objects.get(legacy_id="uid-doc")
    assert draft.live is False and draft.first_published_at is None
    inline = StandardPage.objects.get(legacy_id="uid-file")
    assert DECISION_TEXT in inline.attached_documents[0].extracted_text
    blob = StandardPage.objects.get(legacy_id="uid-blob")
    assert "Положення про конкурс" in blob.attached_documents[0].extracted_text
    assert err == ""
    counts = summary_counts(out)
    assert (counts["створено"], counts["з помилками"]) == (5, 0)
    assert counts["пропущено: теки Plone (їхні елементи імпортовано за своїми типами)"] == 1
    assert not Page.objects.filter(title="Тека").exists()


def test_plone_folder_with_text_of_its_own_becomes_a_standard_page(bundle, council, client):
    folder = {
        "@id": "http://nizhynrada.gov.ua/pro-radu",
        "@type": "Folder",
        "UID": "uid-folder-text",
        "title": "Про раду",
        "review_state": "published",
        "effective": "2018-01-01T00:00:00+00:00",
        "text": {"data": "<p>Ніжинська міська рада складається з 34 депутатів.</p>"},
    }
    empty = dict(folder, UID="uid-folder-empty", title="Порожня", text={"data": "<p>&nbsp;</p>"})
    (bundle.root / "export.json").write_text(
        json.dumps([folder, empty], ensure_ascii=False), encoding="utf-8"
    )
    dry_out, _ = run(bundle.root / "export.json", "--dry-run")
    out, err = run(bundle.root / "export.json")
    assert dry_out.splitlines()[1:] == out.splitlines()[1:]
    page = StandardPage.objects.get(legacy_id="uid-folder-text")
    assert "34 депутатів" in client.get(page.url).content.decode()
    assert client.get("/pro-radu")["Location"] == page.url
    counts = summary_counts(out)
    assert (counts["створено"], counts["з помилками"]) == (1, 0)
    assert counts["пропущено: теки Plone (їхні елементи імпортовано за своїми типами)"] == 1


def test_plone_missing_blob_is_reported(bundle, council):
    path = plone_export(bundle.root, include_blob_file=False)
    _, err = run(path)
    assert "[uid-blob]: немає файлу: blobs/123/blob" in err


def test_plone_zip_with_download_links(bundle, council, tmp_path):
    (bundle.root / "files").mkdir(exist_ok=True)
    (bundle.root / "plone" / "files" / "a.docx" / "@@download").mkdir(parents=True)
    (bundle.root / "plone" / "files" / "a.docx" / "@@download" / "file").write_bytes(
        docx_bytes("Завантажений")
    )
    items = [
        {
            "@id": "http://site/plone/files/a.docx",
            "@type": "File",
            "UID": "uid-dl",
            "title": "Файл",
            "review_state": "published",
            "effective": "2018-06-01T12:00:00+00:00",
            "file": {"download": "http://site/plone/files/a.docx/@@download/file", "filename": "a.docx"},
        }
    ]
    (bundle.root / "export.json").write_text(json.dumps(items), encoding="utf-8")
    call_command("import_legacy", str(bundle.root / "export.json"), "--no-progress")
    assert "Завантажений" in StandardPage.objects.get(legacy_id="uid-dl").attached_documents[0].extracted_text
