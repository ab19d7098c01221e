"""Bundles as real old-site exports come: duplicates far apart, changed types, Excel CSVs, Mac zips,
other encodings, Plone links. Each failure is reported the same by the dry run and the real run."""

import csv
import json
import re
from urllib.parse import quote

import pytest

from pages.models import LegacyItem, NewsPage, StandardPage

from .conftest import act_item, news_item
from .test_import import run, summary_counts


def counts_of(output, *labels):
    counts = summary_counts(output)
    return tuple(counts[label] for label in labels)


def test_duplicate_legacy_id_in_a_later_batch_fails_like_one_in_the_same_batch(bundle, council):
    path = bundle.add(
        news_item("x1", title="Перша"), news_item("x2"), news_item("x1", title="Перша інша")
    ).write()
    dry_out, dry_err = run(path, "--batch-size", "1", "--dry-run")
    out, err = run(path, "--batch-size", "1")
    assert NewsPage.objects.get(legacy_id="x1").title == "Перша"
    assert counts_of(out, "створено", "оновлено", "з помилками") == (2, 0, 1)
    assert counts_of(dry_out, "створено", "оновлено", "з помилками") == (2, 0, 1)
    assert "повторений legacy_id «x1» (поле legacy_id): 1 рядок, перші: 3" in err
    assert dry_err == err
    rerun, _ = run(path, "--batch-size", "1")
    assert counts_of(rerun, "без змін", "оновлено") == (2, 0)
    assert NewsPage.objects.get(legacy_id="x1").title == "Перша"


def test_dry_run_reports_an_item_whose_type_changed_like_the_real_run(bundle, council):
    run(bundle.add(news_item("z1")).write())
    bundle.lines = []
    page = news_item("z1", type="page")
    path = bundle.add(page).write()
    dry_out, dry_err = run(path, "--dry-run")
    out, err = run(path)
    assert counts_of(dry_out, "оновлено", "з помилками") == (0, 1)
    assert counts_of(out, "оновлено", "з помилками") == (0, 1)
    assert "рядок 1 [z1]: змінився тип: news → page" in err
    assert dry_err == err
    assert not StandardPage.objects.filter(legacy_id="z1").exists()
    assert LegacyItem.objects.get(legacy_id="z1").item_type == "news"


EXCEL_COLUMNS = ["legacy_id", "title", "published", "url", "body_html", "attachments", "kind"]
EXCEL_ROWS = [
    ["e1", "Новина з Excel", "05.03.2019", "/news/e1.html", "<p>Текст; з крапкою з комою</p>", "", ""],
    ["e2", "Друга з Excel", "2019-03-05 10:00", "/news/e2.html", "", "files/decision.docx|Рішення", "news"],
]


def write_excel_csv(path, *, delimiter=";", encoding="utf-8-sig", rows=EXCEL_ROWS, columns=EXCEL_COLUMNS):
    """A CSV as Excel in a Ukrainian locale saves it: ``;`` between cells, CRLF, a BOM in UTF-8."""
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(columns)
        writer.writerows(rows)


def test_csv_saved_by_excel_with_semicolons_bom_and_crlf_is_imported(bundle, council):
    write_excel_csv(bundle.root / "news.csv")
    dry_out, _ = run(bundle.root, "--dry-run")
    out, err = run(bundle.root)
    assert err == ""
    assert counts_of(dry_out, "створено", "з помилками") == (2, 0)
    assert counts_of(out, "створено", "з помилками") == (2, 0)
    first = NewsPage.objects.get(legacy_id="e1")
    assert first.title == "Новина з Excel"
    assert first.body.raw_data[0]["value"] == "<p>Текст; з крапкою з комою</p>"
    assert NewsPage.objects.get(legacy_id="e2").attached_documents[0].title == "Рішення"


def test_tab_separated_csv_is_imported(bundle, council):
    write_excel_csv(bundle.root / "news.csv", delimiter="\t", encoding="utf-8")
    out, err = run(bundle.root)
    assert err == ""
    assert counts_of(out, "створено") == (2,)


def test_column_names_with_stray_spaces_or_capitals_are_recognised(bundle, council):
    """A header typed by hand in a spreadsheet: « Title», «LEGACY_ID »."""
    columns = [f" {name.upper()} " if i % 2 else name.title() for i, name in enumerate(EXCEL_COLUMNS)]
    write_excel_csv(bundle.root / "news.csv", columns=columns)
    out, err = run(bundle.root)
    assert err == ""
    assert counts_of(out, "створено", "з помилками") == (2, 0)
    assert NewsPage.objects.get(legacy_id="e1").title == "Новина з Excel"


def test_csv_in_windows_1251_fails_whole_with_a_clear_message(bundle, council):
    rows = [["w1", "Ascii title", "05.03.2019", "", "", "", ""], *EXCEL_ROWS]
    write_excel_csv(bundle.root / "news.csv", encoding="cp1251", rows=rows)
    dry_out, dry_err = run(bundle.root, "--dry-run")
    out, err = run(bundle.root)
    expected = (
        "рядок news.csv:3: неправильне кодування: news.csv не в кодуванні UTF-8 (байт 0xcd); "
        "збережіть файл в UTF-8"
    )
    assert expected in err
    assert dry_err == err
    assert counts_of(out, "створено", "з помилками") == (0, 1)
    assert counts_of(dry_out, "створено", "з помилками") == (0, 1)
    assert not LegacyItem.objects.exists()


def test_jsonl_line_not_in_utf8_fails_alone(bundle, council):
    bundle.add(news_item("u1")).write()
    bad = json.dumps(news_item("u2", title="Новина"), ensure_ascii=False).encode("cp1251")
    with open(bundle.root / "items.jsonl", "ab") as handle:
        handle.write(bad + b"\n" + json.dumps(news_item("u3")).encode() + b"\n")
    out, err = run(bundle.root)
    assert "рядок 2: неправильне кодування: items.jsonl не в кодуванні UTF-8" in err
    assert counts_of(out, "створено", "з помилками") == (2, 1)


def test_zip_made_on_a_mac_is_imported(bundle, council, tmp_path):
    import zipfile

    write_excel_csv(bundle.root / "news.csv")
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        # The resource forks come first in the archive, as Finder's "Compress" may list them.
        handle.writestr("__MACOSX/export/._news.csv", b"\x00\x05\x16\x07Mac OS X\xff")
        handle.writestr("__MACOSX/export/files/._decision.docx", b"\x00\x05\x16\x07")
        handle.writestr("export/._news.csv", b"\x00\x05\x16\x07")
        handle.write(bundle.root / "news.csv", "export/news.csv")
        handle.write(bundle.root / "files" / "decision.docx", "export/files/decision.docx")
    out, err = run(archive)
    assert err == ""
    assert counts_of(out, "створено", "з помилками") == (2, 0)


def test_folder_copied_from_a_mac_ignores_resource_forks(bundle, council):
    write_excel_csv(bundle.root / "news.csv")
    (bundle.root / "._news.csv").write_bytes(b"\x00\x05\x16\x07Mac OS X\xff")
    out, err = run(bundle.root)
    assert err == ""
    assert counts_of(out, "створено") == (2,)


def plone_document(uid, body="<p>Текст</p>"):
    """A published Plone page of a ``collective.exportimport`` export."""
    return {
        "@id": f"http://nizhynrada.gov.ua/about/{uid}",
        "@type": "Document",
        "UID": uid,
        "title": f"Сторінка {uid}",
        "review_state": "published",
        "effective": "2019-03-05T10:00:00+02:00",
        "text": {"data": body},
    }


def test_cut_short_plone_export_imports_what_it_holds_and_says_so(bundle, council):
    items = [plone_document(uid) for uid in ("p1", "p2")]
    text = json.dumps(items, ensure_ascii=False)
    path = bundle.root / "export.json"
    path.write_text(text[: text.index('"UID": "p2"')], encoding="utf-8")
    dry_out, dry_err = run(path, "--dry-run")
    out, err = run(path)
    assert "рядок 2: неправильний JSON: експорт Plone обірваний: файл неповний" in err
    assert dry_err == err
    assert counts_of(out, "створено", "з помилками") == (1, 1)
    assert StandardPage.objects.filter(legacy_id="p1").exists()


def test_file_that_is_no_plone_export_is_reported(bundle, council):
    path = bundle.root / "export.json"
    path.write_text('{"items": []}', encoding="utf-8")
    out, err = run(path)
    assert "неправильний JSON: експорт Plone має бути масивом JSON" in err


def page_links(page):
    """The ids of the pages a news or standard page's body links to, and whether old links remain."""
    html = "".join(block["value"] for block in page.body.raw_data if block["type"] == "paragraph")
    return re.findall(r'<a id="(\d+)" linktype="page">', html), "href" in html


@pytest.mark.parametrize("target_first", [True, False])
def test_links_with_a_query_string_or_an_anchor_find_their_page(bundle, council, target_first):
    target = news_item("t1", url="/news/1.html")
    linking = news_item(
        "l1",
        body_html='<p><a href="http://nizhynrada.gov.ua/news/1.html?utm_source=facebook">тут</a> і '
        '<a href="/news/1.html?print=1#top">там</a></p>',
    )
    run(bundle.add(*([target, linking] if target_first else [linking, target])).write())
    target_id = str(NewsPage.objects.get(legacy_id="t1").pk)
    assert page_links(NewsPage.objects.get(legacy_id="l1")) == ([target_id, target_id], False)
    assert not LegacyItem.objects.filter(needs_links=True).exists()


def test_relative_links_are_read_against_the_old_page_address(bundle, council):
    run(
        bundle.add(
            news_item("r1", url="/news/2019/1.html", body_html='<p><a href="2.html">далі</a></p>'),
            news_item("r2", url="/news/2019/2.html"),
            news_item("trap", url="/2.html"),
            news_item("q4", url="/index.php?id=4", body_html='<p><a href="?id=5">п’ята</a></p>'),
            news_item("q5", url="/index.php?id=5"),
        ).write()
    )
    assert page_links(NewsPage.objects.get(legacy_id="r1")) == (
        [str(NewsPage.objects.get(legacy_id="r2").pk)],
        False,
    )
    assert page_links(NewsPage.objects.get(legacy_id="q4")) == (
        [str(NewsPage.objects.get(legacy_id="q5").pk)],
        False,
    )


def test_plone_links_by_uid_point_to_the_pages(bundle, council):
    items = [
        plone_document(
            "1f0c9a6e2b7d4c3e8a5b6c7d8e9f0a1b",
            '<p><a href="resolveuid/2a1b3c4d5e6f708192a3b4c5d6e7f809">наступна</a> і '
            '<a href="../resolveUid/2a1b3c4d5e6f708192a3b4c5d6e7f809/@@download/file#x">файл</a></p>',
        ),
        plone_document(
            "2a1b3c4d5e6f708192a3b4c5d6e7f809",
            '<p><a href="http://nizhynrada.gov.ua/resolveuid/1f0c9a6e2b7d4c3e8a5b6c7d8e9f0a1b">перша</a></p>',
        ),
    ]
    path = bundle.root / "export.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    run(path)
    first, second = (StandardPage.objects.get(legacy_id=item["UID"]) for item in items)
    assert page_links(first) == ([str(second.pk), str(second.pk)], False)
    assert page_links(second) == ([str(first.pk)], False)
    assert not LegacyItem.objects.filter(needs_links=True).exists()


def test_values_the_database_cannot_hold_fail_in_the_dry_run_too(bundle, council, client):
    path = bundle.add(
        news_item("L" * 200),
        {
            "legacy_id": "v1",
            "type": "video",
            "title": "Сесія",
            "published": "05.03.2019",
            "video_url": "https://www.youtube.com/watch?v=abc&list=" + "x" * 600,
        },
        {
            "legacy_id": "c1",
            "type": "commission_document",
            "title": "Протокол",
            "published": "05.03.2019",
            "commission": "Комісія " * 40,
            "doc_type": "protocol",
        },
        news_item("ok"),
        # A redirect holds 255 characters of the old address, read as a browser has it: 300 letters fail,
        # 250 letters written percent-encoded (1,500 characters) fit.
        news_item("u1", url="/" + "а" * 300 + ".html"),
        news_item("u2", url="/" + quote("б" * 245) + ".html"),
    ).write()
    dry_out, dry_err = run(path, "--dry-run")
    out, err = run(path)
    assert f"рядок 1 [{'L' * 200}]: неправильне поле: legacy_id: 200 символів, а можна щонайбільше 128" in err
    assert "рядок 2 [v1]: неправильне поле: video_url: 641 символів, а можна щонайбільше 500" in err
    assert "рядок 3 [c1]: неправильне поле: commission: 319 символів, а можна щонайбільше 255" in err
    assert "рядок 5 [u1]: неправильне поле: url: 306 символів, а можна щонайбільше 255" in err
    assert dry_err == err
    assert counts_of(out, "створено", "з помилками") == (2, 4)
    assert counts_of(dry_out, "створено", "з помилками") == (2, 4)
    response = client.get("/" + quote("б" * 245) + ".html")
    assert (response.status_code, response["Location"]) == (301, NewsPage.objects.get(legacy_id="u2").url)


def test_nul_characters_are_taken_out_of_the_item(bundle, council, client):
    run(
        bundle.add(
            news_item("z", title="Нуль\x00символ", body_html="<p>а\x00б</p>", summary="в\x00г")
        ).write()
    )
    news = NewsPage.objects.get(legacy_id="z")
    assert (news.title, news.lead, news.body.raw_data[0]["value"]) == ("Нульсимвол", "вг", "<p>аб</p>")
    assert client.get(news.url).status_code == 200


def test_plone_export_made_on_the_back_end_redirects_the_addresses_visitors_knew(bundle, council, client):
    site = {"@id": "http://localhost:8080/Plone", "@type": "Plone Site", "UID": None}
    folder = {"@id": "http://localhost:8080/Plone/pro-radu", "@type": "Folder", "UID": "f1"}
    items = [
        {
            "@id": "http://localhost:8080/Plone/pro-radu",
            "@type": "Folder",
            "UID": "f1",
            "parent": site,
            "title": "Про раду",
            "review_state": "published",
        },
        {
            "@id": "http://localhost:8080/Plone/pro-radu/struktura/aparat",
            "@type": "Document",
            "UID": "d1",
            "parent": folder,
            "title": "Апарат ради",
            "review_state": "published",
            "effective": "2019-03-05T10:00:00+02:00",
            "text": {"data": '<p><a href="http://nizhynrada.gov.ua/novyny">Новини</a></p>'},
        },
        {
            "@id": "http://localhost:8080/Plone/novyny",
            "@type": "Document",
            "UID": "d2",
            "parent": site,
            "title": "Новини",
            "review_state": "published",
            "effective": "2019-03-05T10:00:00+02:00",
        },
    ]
    path = bundle.root / "export.json"
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    run(path)
    document = StandardPage.objects.get(legacy_id="d1")
    response = client.get("/pro-radu/struktura/aparat/")
    assert (response.status_code, response["Location"]) == (301, document.url)
    assert page_links(document) == ([str(StandardPage.objects.get(legacy_id="d2").pk)], False)


def test_a_long_element_of_a_plone_export_is_not_decoded_once_per_chunk():
    import io

    from pages.legacy.readers import _iter_json_array

    class CountingReads(io.StringIO):
        reads = 0

        def read(self, size=-1):
            self.reads += 1
            return super().read(size)

    handle = CountingReads(json.dumps([{"data": "x" * 100_000}, {"data": "y"}]))
    items = list(_iter_json_array(handle, json.JSONDecoder(), chunk_size=100))
    assert [len(item["data"]) for item in items] == [100_000, 1]
    assert handle.reads < 30  # one per chunk would be a thousand


def test_since_takes_the_day_in_kyiv(bundle, council):
    path = bundle.add(
        news_item("late", published="2019-03-04T23:30:00+00:00"),  # 05.03.2019 01:30 in Kyiv
        news_item("early", published="2019-03-04T21:30:00+00:00"),  # 04.03.2019 23:30 in Kyiv
    ).write()
    out, _ = run(path, "--since", "2019-03-05")
    assert counts_of(out, "створено", "пропущено (--only/--since)") == (1, 1)
    assert NewsPage.objects.get(legacy_id="late").date.isoformat() == "2019-03-05"


def test_fresh_site_gets_the_sites_own_addresses(bundle, council, client):
    run(
        bundle.add(
            news_item("n1", title="Відбулася сесія"),
            act_item("a1", number="5/2019", adopted_on="05.03.2019", title="Про внесення змін до бюджету"),
            act_item("a2", number="5/2019", adopted_on="05.03.2019", title="Про внесення змін до бюджету"),
            act_item("a3", number="", title="Про внесення змін до бюджету", url="/docs/a3"),
            act_item("a4", act_type="mayor_order", number="12-р", adopted_on="01.02.2019", url="/docs/a4"),
        ).write()
    )
    urls = {
        legacy_id: page.url
        for legacy_id, page in (
            (item.legacy_id, item.page) for item in LegacyItem.objects.select_related("page")
        )
    }
    assert urls["n1"] == "/novyny/vidbulasia-sesiia/"
    assert urls["a1"] == "/dokumenty/rishennia-5-2019/"
    assert urls["a2"].startswith("/dokumenty/rishennia-5-2019-")
    assert urls["a3"] == "/dokumenty/pro-vnesennia-zmin-do-biudzhetu/"
    assert urls["a4"] == "/dokumenty/rozporiadzhennia-12-r-2019/"
    for url in urls.values():
        assert client.get(url).status_code == 200


def test_body_images_are_found_by_their_percent_encoded_or_relative_address(bundle, council, client):
    from urllib.parse import quote

    from .conftest import PNG

    bundle.add_file("files/фото площі.png", PNG)
    run(
        bundle.add(
            news_item(
                "i1",
                url="/news/2019/i1.html",
                body_html=f'<p>Площа</p><img src="/files/{quote("фото площі.png")}?v=2">'
                '<img src="../../files/photo.png" alt="Сесія">',
            )
        ).write()
    )
    news = NewsPage.objects.get(legacy_id="i1")
    assert [block["type"] for block in news.body.raw_data] == ["paragraph", "image", "image"]
    assert client.get(news.url).status_code == 200


def test_a_standalone_image_not_in_the_bundle_leaves_its_alt_text(bundle, council):
    run(
        bundle.add(
            news_item("i2", body_html='<p>Текст</p><img src="files/nope.png" alt="Площа біля ради">')
        ).write()
    )
    assert (
        NewsPage.objects.get(legacy_id="i2").body.raw_data[0]["value"] == "<p>Текст</p><p>Площа біля ради</p>"
    )


def test_an_empty_attachment_fails_its_item_in_the_dry_run_too(bundle, council):
    bundle.add_file("files/Протокол №3.pdf", b"")
    path = bundle.add(
        news_item("e1", attachments=[{"path": "files/decision.docx"}, {"path": "files/Протокол №3.pdf"}]),
        news_item("e2"),
    ).write()
    dry_out, dry_err = run(path, "--dry-run")
    out, err = run(path)
    assert "рядок 1 [e1]: порожній файл: files/Протокол №3.pdf" in err
    assert dry_err == err
    assert counts_of(out, "створено", "з помилками") == (1, 1)
    assert counts_of(dry_out, "створено", "з помилками") == (1, 1)
    assert not NewsPage.objects.filter(legacy_id="e1").exists()


def test_zipped_folder_holding_a_plone_export_is_imported(bundle, council, tmp_path):
    import shutil

    folder = tmp_path / "Експорт Plone"
    folder.mkdir()
    item = {
        "@id": "http://nizhynrada.gov.ua/about",
        "@type": "Document",
        "UID": "z1",
        "title": "Про раду",
        "review_state": "published",
        "effective": "2019-03-05T10:00:00+02:00",
    }
    (folder / "export.json").write_text(json.dumps([item]), encoding="utf-8")
    archive = shutil.make_archive(str(tmp_path / "plone"), "zip", tmp_path, folder.name)
    out, err = run(archive)
    assert err == ""
    assert StandardPage.objects.filter(legacy_id="z1").exists()


def test_titles_and_summaries_from_an_html_export_are_plain_text(bundle, council, client):
    path = bundle.add(
        news_item(
            "h1",
            title="&laquo;Про бюджет&raquo;\n   на 2019&nbsp;рік",
            summary="Програма &quot;Культура&quot;",
        ),
        news_item("h2", title="&nbsp;"),
    ).write()
    out, err = run(path)
    news = NewsPage.objects.get(legacy_id="h1")
    assert (news.title, news.lead) == ("«Про бюджет» на 2019 рік", 'Програма "Культура"')
    assert "рядок 2 [h2]: немає назви" in err
    assert "«Про бюджет» на 2019 рік" in client.get(news.url).content.decode()


def summary_table(output):
    """The summary's rows, without the heading that tells a dry run from a real one."""
    return output.splitlines()[1:]


def test_dry_run_counts_the_images_missing_from_the_bundle_as_the_real_run(bundle, council):
    path = bundle.add(
        news_item("m1", body_html='<p>Текст</p><img src="files/nope.png" alt="Площа">'),
        news_item("m2", body_html='<p>Сесія <img src="/files/gone.jpg"> і <img src="files/photo.png"></p>'),
        act_item("m3", body_html='<p>Рішення</p><img src="files/lost.gif">'),
        news_item("m4", body_html='<p><img src="files/photo.png"></p>'),
        news_item("m5", body_html='<p>Знову <img src="../files/nope.png?v=2"></p>', url="/news/2019/m5.html"),
    ).write()
    dry_out, dry_err = run(path, "--dry-run")
    out, err = run(path)
    assert summary_counts(out)["зображень немає в пакеті"] == 4
    assert summary_table(dry_out) == summary_table(out)
    assert dry_err == err
    # Each path once, with the lines whose bodies name it, so that the operator can find the files.
    assert "зображення немає в пакеті «files/nope.png» (поле body_html): 2 рядки, перші: 1, 5" in err
    assert "зображення немає в пакеті «files/gone.jpg» (поле body_html): 1 рядок, перші: 2" in err
    # A re-run writes nothing, so it finds no image missing; nor does its dry run.
    dry_again, _ = run(path, "--dry-run")
    again, _ = run(path)
    assert "зображень немає в пакеті" not in again
    assert summary_table(dry_again) == summary_table(again)


def test_old_addresses_written_with_spaces_or_cyrillic_redirect_as_browsers_ask_for_them(
    bundle, council, client
):
    from urllib.parse import quote

    path = bundle.add(
        news_item("s1", url="/новини/сесія ради.html"),
        news_item("s2", url="/%D0%BD%D0%BE%D0%B2%D0%B8%D0%BD%D0%B8/%D0%B1%D1%8E%D0%B4%D0%B6%D0%B5%D1%82/"),
        news_item("s3", url="/index.php?option=com_content&id=12"),
        news_item("s4", body_html='<p><a href="/новини/сесія%20ради.html">Сесія</a></p>'),
    ).write()
    run(path)
    pages = {page.legacy_id: page for page in NewsPage.objects.all()}
    asked = [
        ("s1", "/новини/сесія ради.html"),
        ("s1", quote("/новини/сесія ради.html")),
        ("s2", "/новини/бюджет"),
        ("s2", quote("/новини/бюджет/").lower()),
        ("s3", "/index.php?id=12&option=com_content"),
    ]
    for legacy_id, url in asked:
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (301, pages[legacy_id].url), url
    link = pages["s4"].body.raw_data[0]["value"]
    assert f'id="{pages["s1"].pk}"' in link and "linktype" in link
