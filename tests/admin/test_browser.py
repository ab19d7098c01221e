"""The admin in a real Chromium: it requests nothing from another host, and its script speaks Ukrainian.

Chromium (Debian's, never a downloaded one) loads the admin from a live server on 127.0.0.1, logged in
with the superuser's session; every request to any other host is recorded and refused.
"""

import shutil
from urllib.parse import urlsplit

import pytest

from .visible_text import UPSTREAM_LITERALS, untranslated

CHROMIUM = "/usr/bin/chromium"
#: The screens an editor and a registry keeper meet first, each with the admin's script running.
SCREENS = (
    "/admin/",
    "/admin/pages/",
    "/admin/images/",
    "/admin/documents/",
    "/admin/registry/ngo/",
    "/admin/snippets/",
    "/admin/reports/aging-pages/",
    "/admin/account/",
)
#: What a script draws: text, and the labels of controls that only a screen reader speaks.
VISIBLE_TEXT_JS = """() => {
    const texts = [document.body.innerText];
    for (const el of document.querySelectorAll('[aria-label],[title],[placeholder]')) {
        for (const name of ['aria-label', 'title', 'placeholder']) {
            const value = el.getAttribute(name);
            if (value) texts.push(value);
        }
    }
    return texts.join('\\n').split('\\n').map(t => t.trim()).filter(Boolean);
}"""

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(shutil.which(CHROMIUM) is None, reason="Debian's chromium is not installed"),
    # The live server sees the test's data only if it is committed; the migrations' data (groups,
    # workflow, the home page) is restored for the tests that follow.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def admin_browser(live_server, superuser_client, admin_content):
    """A Chromium page of the admin, logged in as the superuser, and the other hosts it asked for."""
    sync_api = pytest.importorskip("playwright.sync_api")
    own_host = urlsplit(live_server.url).netloc
    refused = []

    def guard(route, request):
        if urlsplit(request.url).netloc == own_host:
            route.continue_()
        else:
            refused.append(request.url)
            route.abort()

    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="uk-UA")
        session = superuser_client.cookies["sessionid"].value
        context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
        page = context.new_page()
        page.route("**/*", guard)
        yield page, live_server.url, refused
        browser.close()


def test_guard_records_and_refuses_a_request_to_another_host(admin_browser):
    page, base, refused = admin_browser
    page.goto(base + "/admin/", wait_until="networkidle")
    # A navigation, not an <img>: the admin's Content-Security-Policy would stop an image before the guard.
    with pytest.raises(Exception, match="ERR_"):
        page.goto("https://www.gravatar.com/avatar/0")
    assert refused == ["https://www.gravatar.com/avatar/0"]


def test_admin_in_chromium_requests_no_other_host(admin_browser):
    page, base, refused = admin_browser
    for screen in SCREENS:
        page.goto(base + screen, wait_until="networkidle")
        assert "/login/" not in page.url
    assert refused == []


def test_admin_drawn_by_its_script_is_in_ukrainian(admin_browser):
    page, base, _refused = admin_browser
    english = {}
    for screen in SCREENS:
        page.goto(base + screen, wait_until="networkidle")
        texts = untranslated(page.evaluate(VISIBLE_TEXT_JS))
        found = [text for text in texts if text not in UPSTREAM_LITERALS]
        if found:
            english[screen] = found
    assert english == {}
