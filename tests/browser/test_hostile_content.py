"""Every public page type holding content the demo never has (tests/browser/hostile.py), at a phone's and
a laptop's width: the document never scrolls sideways and nothing sticks out of the screen, axe-core
finds no WCAG 2.1 A/AA violation of any impact, the headings go in order, every table scrolls inside its
own labelled, focusable region, every element the keyboard reaches shows its focus and stays readable
with it, the console is clean.

The content is written once for the module, before its tests, and deleted after them (not in a test's
transaction: SQLite's shared in-memory database would lock the tables against the live server's reads).
"""

import pytest

from .checks import (
    all_violations,
    browser_page,
    escaping_elements,
    focus_indicators,
    headings,
    overflow,
    tables,
)
from .conftest import WIDTHS
from .hostile import LONG_WORD, build_hostile_content, remove_hostile_content

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

#: One page of each type and listing that shows some of the content (an announcement and an article
#: differ from a news item by their badge only: the news index lists all three).
PAGES = (
    "news", "act", "draft", "commission document", "commission", "video", "standard page", "news index",
    "acts by issuer", "videos", "deputy", "deputies", "meeting", "meetings", "home", "search with facets",
    "search by issuer", "search for a long word", "not found", "open data", "sitemap page",
)  # fmt: skip


#: What a page must show of the hostile content, so that a test cannot pass on a page that lost it.
SHOWS = {
    "news": (".tags .tag", 30),
    "act": (".attachments .attachment", 3),
    "meeting": ("ol.agenda > li", 40),
    "search with facets": (f".facet-issuer a:has-text('{LONG_WORD}')", 1),
    "search by issuer": (".facet-issuer a[aria-current]", 1),
}


@pytest.fixture(scope="module")
def hostile_urls(site_server, django_db_blocker):
    with django_db_blocker.unblock():
        urls = build_hostile_content()
    yield urls
    with django_db_blocker.unblock():
        remove_hostile_content()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_a_page_of_hostile_content_holds_in_chromium(
    chromium, axe_source, site_server, hostile_urls, name, width
):
    expected_status = 404 if name == "not found" else 200
    with browser_page(chromium, width=width) as (page, errors):
        response = page.goto(site_server.url + hostile_urls[name], wait_until="load")
        assert response.status == expected_status
        if name in SHOWS:
            selector, count = SHOWS[name]
            assert page.locator(selector).count() == count
        assert overflow(page)["scrollWidth"] <= width, overflow(page)
        assert escaping_elements(page) == []
        assert headings(page) == {"h1": 1, "skips": []}
        for table in tables(page):
            assert table == {"contained": True, "region": True, "name": table.get("name"), "focusable": True}
            assert table["name"]
        assert all_violations(page, axe_source) == []
        focus = focus_indicators(page)  # after axe: it leaves the page's last link focused
        assert focus["reachable"] > 0
        assert focus["invisible"] == [] and focus["unreadable"] == []
        # Chromium reports a 404 page's own status as a console error; nothing else may be there.
        assert [error for error in errors if "status of 404" not in error] == []


def test_a_ten_column_table_scrolls_inside_its_region_on_a_phone(chromium, site_server, hostile_urls):
    """The act's imported body keeps its ten-column table as rich text: on a phone the table, not the
    page, scrolls, and the keyboard reaches its container to scroll it with the arrow keys."""
    with browser_page(chromium, width=WIDTHS[0]) as (page, _errors):
        page.goto(site_server.url + hostile_urls["act"], wait_until="load")
        region = page.locator(".act__text .table-wrap")
        assert region.get_attribute("role") == "region"
        assert region.get_attribute("aria-label") == "Таблиця"
        assert region.evaluate("box => box.scrollWidth > box.clientWidth")
        region.focus()
        page.keyboard.press("ArrowRight")
        page.wait_for_function("() => document.querySelector('.act__text .table-wrap').scrollLeft > 0")
        assert overflow(page)["scrollWidth"] <= WIDTHS[0]


def test_the_comment_forms_honeypot_stays_out_of_sight(chromium, site_server, hostile_urls):
    """The field only bots fill is hidden by the stylesheet: the site's CSP refuses inline styles, and a
    citizen would otherwise meet an unexplained «Залиште це поле порожнім» box above the consent."""
    with browser_page(chromium, width=WIDTHS[0]) as (page, errors):
        page.goto(site_server.url + hostile_urls["draft"], wait_until="load")
        trap = page.locator(".comment-form__trap")
        assert trap.count() == 1
        box = trap.bounding_box()
        assert box["width"] <= 1 and box["height"] <= 1 and box["x"] + box["width"] <= 0
        assert errors == []


def test_the_comment_form_and_its_errors_fit_a_360_px_phone(chromium, axe_source, site_server, hostile_urls):
    """Many phones are 360 px wide: the textarea's default forty columns were wider than that, and the
    consent's error was squeezed into a third column beside the checkbox and its label. A comment sent
    without consent writes nothing: the form comes back with its errors."""
    with browser_page(chromium, width=360) as (page, errors):
        page.goto(site_server.url + hostile_urls["draft"], wait_until="load")
        assert overflow(page)["scrollWidth"] <= 360, overflow(page)
        page.fill("#id_author_name", f"{LONG_WORD[:100]} {LONG_WORD[:99]}")
        page.fill("#id_email", "citizen@example.org")
        page.fill("#id_text", f"{LONG_WORD} https://example.org/{LONG_WORD}")
        page.get_by_role("button", name="Надіслати коментар").click()
        page.wait_for_url("**/discussion/*/comment/")
        assert overflow(page)["scrollWidth"] <= 360, overflow(page)
        assert escaping_elements(page) == []
        consent_error = page.locator(".comment-form__field--consent .field-error").bounding_box()
        form = page.locator(".comment-form").bounding_box()
        assert consent_error["width"] >= 0.9 * form["width"]
        assert all_violations(page, axe_source) == []
        # The refused comment is answered with 400 (Bad Request), which Chromium logs; nothing else.
        assert [error for error in errors if "status of 400" not in error] == []
