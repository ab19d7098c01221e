"""What people do on the site, in Chromium at a phone's and a laptop's width; a screenshot of each
step's result goes to test-output/browser/. Each journey's writes are rolled back after it."""

import re

import pytest
from PIL import Image

from .checks import browser_page
from .conftest import DEMO_ADMIN, WIDTHS

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def shot(page, output_dir, name, width):
    page.screenshot(path=str(output_dir / f"{name}-{width}.png"), full_page=True)


def log_in(page, base, username, password):
    page.goto(base + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(base + "/admin/")


@pytest.mark.parametrize("width", WIDTHS)
def test_citizen_finds_decisions_by_an_inflected_word_and_narrows_them(
    chromium, site_server, output_dir, width
):
    base = site_server.url
    with browser_page(chromium, width=width) as (page, errors):
        page.goto(base + "/")
        page.fill("#site-search-q", "рішенню")
        page.press("#site-search-q", "Enter")
        page.wait_for_url("**/search/?q=*")
        titles = page.locator(".search-result h2").all_inner_texts()
        assert titles and any("рішення" in title.lower() for title in titles)

        page.locator(".facet-type a").filter(has_text="Документ").first.click()
        page.wait_for_url("**type=*")
        page.locator(".facet-year a").first.click()
        page.wait_for_url("**year=*")
        narrowed = page.locator(".search-result h2").all_inner_texts()
        assert narrowed and len(narrowed) <= len(titles) or page.locator(".search-count").count()
        assert page.locator(".facet-type a[aria-current]").count() == 1
        assert page.locator(".facet-year a[aria-current]").count() == 1
        shot(page, output_dir, "search-narrowed", width)

        # One filter is dropped from the keyboard, by the link a screen reader names; the other stays.
        page.get_by_role("link", name=re.compile(r"^Прибрати фільтр Тип матеріалу: ")).focus()
        page.keyboard.press("Enter")
        page.wait_for_url(lambda url: "type=" not in url)
        assert "year=" in page.url
        assert page.locator(".facet-type a[aria-current]").count() == 0
        assert page.locator(".facet-year a[aria-current]").count() == 1
        assert page.get_by_role("link", name=re.compile(r"^Прибрати фільтр Рік: \d{4}")).count() == 1
        assert errors == []


@pytest.mark.parametrize("width", WIDTHS)
def test_citizen_filters_acts_and_downloads_a_pdf(chromium, site_server, output_dir, width):
    base = site_server.url
    with browser_page(chromium, width=width) as (page, errors):
        page.goto(base + site_server.urls["acts"])
        page.select_option("#f-type", "council_decision")
        year = str(site_server.data["decision_year"])
        page.select_option("#f-year", year)
        page.get_by_role("button", name="Показати").click()
        page.wait_for_url(f"**year={year}*")
        rows = page.locator(".act-row")
        assert rows.count() > 0
        assert all("Рішення" in text for text in page.locator(".act-row .badge").all_inner_texts())
        shot(page, output_dir, "acts-filtered", width)

        rows.first.locator(".act-row__title a").click()
        link = page.locator(".attachments a").first
        shot(page, output_dir, "act-page", width)
        response = page.request.get(base + link.get_attribute("href"))
        assert response.ok
        assert response.headers["content-type"] == "application/pdf"
        assert response.body().startswith(b"%PDF")
        assert errors == []


def png_bytes(tmp_path, width):
    """A small photo for the news item, made on the spot (one per width: no duplicate warning)."""
    picture = tmp_path / "photo.png"
    Image.new("RGB", (640, 360), (30, width % 256, 160)).save(picture)
    return picture


@pytest.mark.parametrize("width", WIDTHS)
def test_editor_publishes_news_with_an_image_and_finds_it_on_the_home_page(
    chromium, site_server, output_dir, tmp_path, width
):
    base = site_server.url
    title = f"Прибирання парку до Дня міста ({width})"
    with browser_page(chromium, width=width) as (page, _errors):
        log_in(page, base, *DEMO_ADMIN)
        page.goto(f"{base}/admin/pages/add/pages/newspage/{site_server.data['news_index_id']}/")
        page.fill("#id_title", title)
        page.fill("#id_lead", "Запрошуємо мешканців долучитися до толоки в суботу.")

        page.locator("#id_main_image-chooser [data-chooser-action-choose]").click()
        modal = page.locator(".modal-dialog")
        modal.get_by_role("tab", name="Завантажити").click()
        modal.locator("#id_image-chooser-upload-file").set_input_files(str(png_bytes(tmp_path, width)))
        modal.locator("#id_image-chooser-upload-title").fill("Толока в парку")
        modal.locator("form[data-chooser-modal-creation-form] button[type=submit]").click()
        modal.wait_for(state="hidden", timeout=90_000)
        page.wait_for_function("document.querySelector('#id_main_image').value !== ''")
        shot(page, output_dir, "editor-news-form", width)

        page.locator(".w-dropdown:has(button[name=action-publish]) [data-w-dropdown-target=toggle]").click()
        with page.expect_navigation(timeout=90_000):
            page.locator("button[name=action-publish]").click()
        problems = page.locator(".messages, .error-message").all_inner_texts()
        assert re.search(r"/admin/pages/\d+/$", page.url), problems
        shot(page, output_dir, "editor-published", width)

        page.goto(base + "/")
        card = page.locator(".home-news .card").filter(has_text=title)
        assert card.count() == 1
        assert card.locator("img.card__image").count() == 1
        shot(page, output_dir, "editor-news-on-home", width)


def keeper_file():
    """The keeper's file: Windows-1251 with semicolons, three organisations, one with a wrong EDRPOU code."""
    return "\r\n".join(
        [
            "Назва;Код ЄДРПОУ;Тип;Напрями діяльності",
            "ГО «Світанок над Остром»;38516849;Громадське об'єднання;Молодь",
            "ГО «Неправильний код»;38516848;Громадське об'єднання;",
            "ГО «Ніжинські лелеки»;00013480;Громадське об'єднання;Екологія",
        ]
    ).encode("cp1251")


@pytest.mark.parametrize("width", WIDTHS)
def test_keeper_imports_the_valid_rows_of_a_windows_1251_file_and_finds_one(
    chromium, site_server, output_dir, width
):
    base = site_server.url
    with browser_page(chromium, width=width) as (page, _errors):
        log_in(page, base, *site_server.data["keeper"])
        page.goto(base + "/admin/registry/ngo/")
        link = page.locator("#registry-import")
        assert link.inner_text().strip() == "Імпорт"
        # The header's buttons wrap on a phone: «Import» is on screen and clicked like any button.
        box = link.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        link.click()
        page.wait_for_url("**/admin/registry/import/ngo/")
        upload = page.locator("#registry-upload")
        upload.locator("#id_import_file").set_input_files(
            files=[{"name": "реєстр.csv", "mimeType": "text/csv", "buffer": keeper_file()}]
        )
        upload.locator("#id_encoding").select_option("cp1251")
        upload.locator("#id_delimiter").select_option("semicolon")
        upload.get_by_role("button", name="Перевірити файл").click()

        confirm = page.locator("#registry-confirm")
        confirm.wait_for()
        assert "38516848" in page.locator("main").inner_text()
        shot(page, output_dir, "keeper-preview", width)
        confirm.locator("#id_acknowledge").check()
        confirm.locator("#registry-confirm-button").click()
        page.wait_for_url(re.compile(r"/admin/registry/ngo/(\?.*)?$"))

        page.goto(base + "/admin/registry/ngo/?q=Світанок")
        listing = page.locator("main").inner_text()
        assert "Світанок над Остром" in listing and "Ніжинські лелеки" not in listing
        shot(page, output_dir, "keeper-found", width)


@pytest.mark.parametrize("width", WIDTHS)
def test_citizen_goes_from_a_decision_to_a_deputy_and_sees_attendance_and_votes(
    chromium, site_server, output_dir, width
):
    base = site_server.url
    with browser_page(chromium, width=width) as (page, errors):
        page.goto(base + site_server.data["voted_decision"])
        decision_title = page.locator("h1").inner_text().strip()
        votes = page.locator("section.votes")
        assert "Поіменне голосування" in votes.inner_text()
        deputy = votes.locator("a[href^='/deputaty/']").first
        name = deputy.inner_text().strip()
        deputy.click()
        page.wait_for_url("**/deputaty/*/")
        assert page.locator("h1").inner_text().strip() == name

        attendance = page.locator("#attendance")
        assert attendance.locator("tbody tr").count() >= 1
        assert "%" in page.locator("#attendance-by-year").inner_text()
        record = page.locator("#record-votes").inner_text()
        # The decision the citizen came from is among the deputy's votes, linked back to it.
        assert page.locator("#record-votes a", has_text=decision_title[:40]).count() >= 1, record[:500]
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        shot(page, output_dir, "deputy-from-decision", width)
        assert errors == []
