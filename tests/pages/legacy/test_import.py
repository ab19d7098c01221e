"""The import_legacy command on small bundles: pages, dates, redirects, files, re-runs, dry runs."""

import datetime
import io

import pytest
from django.core.management import call_command
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from cms.models import CouncilDocument
from pages.legacy.dates import KYIV
from pages.models import (
    ActIndexPage,
    ActPage,
    CommissionDocumentPage,
    CommissionPage,
    LegacyItem,
    NewsIndexPage,
    NewsPage,
    StandardPage,
    VideoPage,
)
from search.ranking import find_page_ids

from .conftest import DECISION_TEXT, PNG, act_item, news_item


def run(path, *args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_legacy", str(path), "--no-progress", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def summary_counts(output):
    counts = {}
    for line in output.splitlines():
        label, _, number = line.rpartition(" ")
        if number.isdigit():
            counts[label.strip()] = int(number)
    return counts


@pytest.fixture
def full_bundle(bundle, council):
    return bundle.add(
        news_item("n1", tags=["бюджет", "сесія"]),
        act_item("a1"),
        {
            "legacy_id": "c1",
            "type": "commission_document",
            "title": "Протокол № 5",
            "published": "10.05.2018",
            "url": "/komisii/5.html",
            "commission": "Комісія з питань бюджету",
            "doc_type": "protocol",
            "number": "5",
            "meeting_date": "08.05.2018",
            "concerns": ["a1"],
            "body_html": "<p>Слухали</p>",
        },
        {
            "legacy_id": "v1",
            "type": "video",
            "title": "Сесія наживо",
            "published": "2018-05-11T18:00",
            "url": "/video/1",
            "video_url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "source": "youtube",
        },
        {
            "legacy_id": "p1",
            "type": "page",
            "title": "Про раду",
            "published": "2015-01-01",
            "url": "/about.html",
            "body_html": "<p>Рада</p>",
        },
    ).write()


def test_each_type_is_imported_under_its_index_page(full_bundle, home_page):
    run(full_bundle)
    news = NewsPage.objects.get(legacy_id="n1")
    act = ActPage.objects.get(legacy_id="a1")
    document = CommissionDocumentPage.objects.get(legacy_id="c1")
    assert news.get_parent().specific_class is NewsIndexPage
    assert act.get_parent().specific_class is ActIndexPage
    assert document.get_parent().specific.title == "Комісія з питань бюджету"
    assert isinstance(document.get_parent().specific, CommissionPage)
    assert VideoPage.objects.get(legacy_id="v1").video_url == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    assert StandardPage.objects.get(legacy_id="p1").get_parent().pk == home_page.pk


def test_existing_index_page_is_reused(bundle, council, home_page):
    index = home_page.add_child(instance=NewsIndexPage(title="Новини міста", slug="novyny"))
    run(bundle.add(news_item("n1")).write())
    assert NewsPage.objects.get(legacy_id="n1").get_parent().pk == index.pk
    assert NewsIndexPage.objects.count() == 1


def test_page_tree_has_no_problems_after_import(full_bundle):
    run(full_bundle)
    out = io.StringIO()
    call_command("fixtree", stdout=out)
    assert out.getvalue().count("No problems found.") == 2
    assert Page.objects.get(pk=NewsPage.objects.get().get_parent().pk).numchild == 1


def test_publication_date_and_first_publication_time_are_the_old_sites(full_bundle):
    run(full_bundle)
    news = NewsPage.objects.get(legacy_id="n1")
    expected = datetime.datetime(2018, 5, 3, 10, 15, tzinfo=KYIV)
    assert news.date == datetime.date(2018, 5, 3)
    assert news.first_published_at == expected
    assert news.last_published_at == expected
    assert news.live_revision.created_at == expected
    assert news.latest_revision_id == news.live_revision_id


def test_counts_by_month_are_the_old_sites(bundle, council):
    items = [news_item(f"n{day}", published=f"{day:02d}.03.2019") for day in range(1, 6)]
    items.append(news_item("april", published="01.04.2019 00:30"))
    run(bundle.add(*items).write())
    march = NewsPage.objects.filter(
        first_published_at__date__gte="2019-03-01", first_published_at__date__lt="2019-04-01"
    )
    assert NewsPage.objects.filter(date__month=3).count() == 5
    assert march.count() == 5


def test_revision_holds_the_imported_content(full_bundle):
    run(full_bundle)
    news = NewsPage.objects.get(legacy_id="n1")
    revision_page = Revision.objects.get(pk=news.latest_revision_id).as_object()
    assert revision_page.title == news.title
    assert revision_page.lead == "Коротко"


def test_old_url_answers_a_permanent_redirect_to_the_new_page(full_bundle, client):
    run(full_bundle)
    news = NewsPage.objects.get(legacy_id="n1")
    response = client.get("/news/n1.html")
    assert response.status_code == 301
    assert response["Location"] == news.url
    assert client.get(response["Location"]).status_code == 200


def test_every_old_url_redirects(full_bundle, client):
    run(full_bundle)
    for url in ["/news/n1.html", "/docs/a1", "/komisii/5.html", "/video/1", "/about.html"]:
        response = client.get(url)
        assert response.status_code == 301, url
        assert client.get(response["Location"]).status_code == 200, url
    assert Redirect.objects.filter(is_permanent=True, redirect_page__isnull=False).count() == 5


def test_news_tags_and_kind_are_imported(full_bundle):
    run(full_bundle)
    news = NewsPage.objects.get(legacy_id="n1")
    assert sorted(tag.name for tag in news.tags.all()) == ["бюджет", "сесія"]
    assert news.kind == "news"


def test_act_requisites_and_issuer_alias_are_matched(bundle, council):
    run(bundle.add(act_item("a1", issuer="Міськрада", status="in_force", discussion_until="")).write())
    act = ActPage.objects.get(legacy_id="a1")
    assert act.issuer == council
    assert (act.number, act.status, act.act_type) == ("4-49/2018", "in_force", "council_decision")
    assert act.adopted_on == datetime.date(2018, 5, 4)


def test_unknown_issuer_fails_the_item_with_a_reason(bundle, council):
    out, err = run(bundle.add(act_item("a1", issuer="Невідомий орган"), news_item("n1")).write())
    assert "невідомий орган «Невідомий орган» (поле issuer): 1 рядок, перші: 1" in err
    assert NewsPage.objects.filter(legacy_id="n1").exists()


def test_commission_document_concerns_its_acts_even_when_the_act_comes_later(bundle, council):
    run(
        bundle.add(
            {
                "legacy_id": "c1",
                "type": "commission_document",
                "title": "Висновок",
                "published": "10.05.2018",
                "commission": "Бюджетна комісія",
                "doc_type": "conclusion",
                "concerns": ["a1"],
            },
            act_item("a1"),
        ).write()
    )
    document = CommissionDocumentPage.objects.get(legacy_id="c1")
    assert list(document.concerns.values_list("legacy_id", flat=True)) == ["a1"]


def test_attachments_become_documents_with_extracted_text(full_bundle):
    run(full_bundle)
    act = ActPage.objects.get(legacy_id="a1")
    [(document, title, kind)] = act.attachment_items()
    assert title == "Скан рішення"
    assert isinstance(document, CouncilDocument)
    assert DECISION_TEXT in document.extracted_text
    assert document.content_hash


def test_identical_files_become_one_document(bundle, council):
    bundle.add_file("files/copy.docx", (bundle.root / "files/decision.docx").read_bytes())
    run(
        bundle.add(
            act_item("a1"), act_item("a2", attachments=[{"path": "files/copy.docx", "title": "Копія"}])
        ).write()
    )
    assert CouncilDocument.objects.count() == 1
    assert (
        ActPage.objects.get(legacy_id="a2").attached_documents
        == ActPage.objects.get(legacy_id="a1").attached_documents
    )


def test_links_between_items_point_to_the_new_pages_in_either_order(bundle, council):
    run(
        bundle.add(
            news_item("n1", body_html='<p>Див. <a href="/news/n2.html">наступну</a></p>'),
            news_item(
                "n2",
                body_html='<p>Див. <a href="/news/n1.html">попередню</a> і '
                '<a href="/docs/a1">рішення</a></p>',
            ),
            act_item("a1"),
        ).write()
    )
    n1, n2 = NewsPage.objects.get(legacy_id="n1"), NewsPage.objects.get(legacy_id="n2")
    act = ActPage.objects.get(legacy_id="a1")
    assert f'<a id="{n2.pk}" linktype="page">' in n1.body.raw_data[0]["value"]
    assert f'<a id="{n1.pk}" linktype="page">' in n2.body.raw_data[0]["value"]
    assert f'<a id="{act.pk}" linktype="page">' in n2.body.raw_data[0]["value"]
    assert (
        Revision.objects.get(pk=n1.latest_revision_id).as_object().body.raw_data[0]["value"]
        == n1.body.raw_data[0]["value"]
    )


def test_body_images_become_wagtail_images(bundle, council, client):
    run(bundle.add(news_item("n1", body_html='<p>Сесія</p><img src="files/photo.png" alt="Зала">')).write())
    news = NewsPage.objects.get(legacy_id="n1")
    image = get_image_model().objects.get()
    assert news.body.raw_data[1] == {
        "type": "image",
        "value": {"image": image.pk, "caption": "Зала"},
        "id": news.body.raw_data[1]["id"],
    }
    assert image.file.read() == PNG


def test_news_table_becomes_a_table_block(bundle, council, client):
    run(bundle.add(news_item("n1", body_html="<table><tr><td>Рік</td><td>2018</td></tr></table>")).write())
    news = NewsPage.objects.get(legacy_id="n1")
    assert news.body[0].block_type == "table"
    assert news.body[0].value["data"] == [["Рік", "2018"]]


def test_act_table_is_kept_as_html_in_its_text(bundle, council, client):
    run(bundle.add(act_item("a1", body_html="<table><tr><td>Рік</td><td>2018</td></tr></table>")).write())
    act = ActPage.objects.get(legacy_id="a1")
    assert act.body == "<table><tbody><tr><td>Рік</td><td>2018</td></tr></tbody></table>"


def test_rerun_creates_nothing_twice(full_bundle):
    run(full_bundle)
    counts = (
        Page.objects.count(),
        Revision.objects.count(),
        Redirect.objects.count(),
        CouncilDocument.objects.count(),
    )
    out, _ = run(full_bundle)
    assert summary_counts(out)["без змін"] == 5
    assert summary_counts(out)["створено"] == 0
    assert (
        Page.objects.count(),
        Revision.objects.count(),
        Redirect.objects.count(),
        CouncilDocument.objects.count(),
    ) == counts


def test_rerun_updates_a_changed_item(bundle, council, client):
    path = bundle.add(news_item("n1"), news_item("n2")).write()
    run(path)
    bundle.lines = []
    bundle.add(news_item("n1", title="Виправлена назва", tags=["нове"]), news_item("n2")).write()
    out, _ = run(path)
    counts = summary_counts(out)
    assert (counts["створено"], counts["оновлено"], counts["без змін"]) == (0, 1, 1)
    news = NewsPage.objects.get(legacy_id="n1")
    assert news.title == "Виправлена назва"
    assert [tag.name for tag in news.tags.all()] == ["нове"]
    assert news.first_published_at == datetime.datetime(2018, 5, 3, 10, 15, tzinfo=KYIV)
    assert Revision.objects.get(pk=news.live_revision_id).as_object().title == "Виправлена назва"
    assert NewsPage.objects.count() == 2
    assert client.get("/news/n1.html")["Location"] == news.url


def test_dry_run_checks_everything_and_writes_nothing(full_bundle):
    before = (
        Page.objects.count(),
        Revision.objects.count(),
        Redirect.objects.count(),
        LegacyItem.objects.count(),
    )
    out, _ = run(full_bundle, "--dry-run")
    assert "Пробний запуск: нічого не записано" in out
    assert summary_counts(out)["створено"] == 5
    assert (
        Page.objects.count(),
        Revision.objects.count(),
        Redirect.objects.count(),
        LegacyItem.objects.count(),
    ) == before
    assert CouncilDocument.objects.count() == 0


def test_dry_run_reports_bad_lines(bundle, council):
    out, err = run(bundle.add(news_item("n1"), news_item("n2", published="31.11.2018")).write(), "--dry-run")
    assert "рядок 2 [n2]: неправильна дата" in err
    assert summary_counts(out)["з помилками"] == 1


def test_bad_lines_are_reported_with_number_and_reason_and_the_rest_imports(bundle, council):
    out, err = run(
        bundle.add(
            news_item("n1"),
            "{not json",
            news_item("n3", title=""),
            news_item("n4", published="31.11.2018"),
            news_item("n5", type="poem"),
            news_item("n6", attachments=[{"path": "files/missing.pdf", "title": "Немає"}]),
            news_item("n7"),
        ).write()
    )
    assert "рядок 2: неправильний JSON" in err
    assert "рядок 3 [n3]: немає назви" in err
    assert "рядок 4 [n4]: неправильна дата" in err and "31.11.2018" in err
    assert "невідомий тип елемента «poem» (поле type): 1 рядок, перші: 5" in err
    assert "рядок 6 [n6]: немає файлу: files/missing.pdf" in err
    counts = summary_counts(out)
    assert counts["створено"] == 2
    assert counts["з помилками"] == 5
    assert counts["з помилками: неправильна дата"] == 1
    assert sorted(NewsPage.objects.values_list("legacy_id", flat=True)) == ["n1", "n7"]


def test_only_imports_one_type(full_bundle):
    out, _ = run(full_bundle, "--only", "act")
    assert list(
        Page.objects.filter(legacy_item__isnull=False).values_list("legacy_item__legacy_id", flat=True)
    ) == ["a1"]
    assert summary_counts(out)["пропущено (--only/--since)"] == 4


def test_since_imports_only_newer_items(bundle, council):
    run(
        bundle.add(
            news_item("old", published="01.01.2017"), news_item("new", published="01.01.2019")
        ).write(),
        "--since",
        "2018-01-01",
    )
    assert list(NewsPage.objects.values_list("legacy_id", flat=True)) == ["new"]


def test_zip_bundle_is_imported(bundle, council, tmp_path, client):
    archive = bundle.add(news_item("n1"), act_item("a1")).zip(tmp_path / "export")
    run(archive)
    assert NewsPage.objects.filter(legacy_id="n1").exists()
    assert DECISION_TEXT in ActPage.objects.get(legacy_id="a1").attached_documents[0].extracted_text
    assert client.get("/docs/a1").status_code == 301


def test_batches_commit_separately_so_a_rerun_resumes(bundle, council):
    path = bundle.add(*[news_item(f"n{number}") for number in range(5)]).write()
    from pages.legacy.importer import import_records
    from pages.legacy.readers import open_source

    def interrupted(records):
        for number, record in enumerate(records):
            if number == 3:
                raise KeyboardInterrupt
            yield record

    source, records = open_source(path)
    with pytest.raises(KeyboardInterrupt):
        import_records(interrupted(records), bundle=source, batch_size=2)
    assert NewsPage.objects.count() == 2
    out, _ = run(path, "--batch-size", "2")
    assert (summary_counts(out)["створено"], summary_counts(out)["без змін"]) == (3, 2)
    assert NewsPage.objects.count() == 5


def test_search_finds_imported_pages_and_attachment_text(full_bundle):
    run(full_bundle)
    assert NewsPage.objects.get(legacy_id="n1") in NewsPage.objects.live().search("Новина")
    act = ActPage.objects.get(legacy_id="a1")
    assert act in ActPage.objects.search("бюджет")
    assert act.pk in find_page_ids("бюджету").ids  # the citizen search's postings too


def test_saves_during_the_import_are_not_indexed_one_by_one(home_page):
    from pages.legacy.importer import deferred_search_indexing

    with deferred_search_indexing():
        page = home_page.add_child(instance=StandardPage(title="Неіндексованасторінка", slug="x"))
    assert list(StandardPage.objects.search("Неіндексованасторінка")) == []
    page.save()  # the handlers are connected again afterwards
    assert list(StandardPage.objects.search("Неіндексованасторінка")) == [page]
