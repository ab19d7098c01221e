"""The journey in a real Chromium: a citizen comments, a moderator answers, the deadline passes.

Debian's Chromium only (never a downloaded one); skipped when it is absent.
"""

import datetime
import shutil

import pytest

from discussion.models import Comment, CommentStatus
from discussion.services import kyiv_today
from pages.models import ActPage

CHROMIUM = "/usr/bin/chromium"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(shutil.which(CHROMIUM) is None, reason="Debian's chromium is not installed"),
    # The live server sees only committed data; the migrations' data is restored for the tests after.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def browser_page(live_server, monkeypatch):
    sync_api = pytest.importorskip("playwright.sync_api")
    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls are still
    # synchronous, which Django must be told (Playwright's documented setting for Django tests).
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="uk-UA")
        yield context, live_server.url
        browser.close()


def test_citizen_comments_moderator_answers_and_the_summary_follows_the_deadline(
    browser_page, open_draft, client, django_user_model
):
    context, base = browser_page
    citizen = context.new_page()

    # A citizen comments on the open draft.
    citizen.goto(base + open_draft.url)
    form = citizen.locator("#discussion form")
    form.locator("[name=author_name]").fill("Марія Іваненко")
    form.locator("[name=email]").fill("maria@example.org")
    form.locator("[name=text]").fill("Пропоную <b>висадити</b> дерева вздовж вулиці.")
    form.locator("[name=consent]").check()
    form.locator("button[type=submit]").click()
    citizen.wait_for_selector(".comment-sent")
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.PENDING

    # A moderator answers it in the admin.
    moderator = django_user_model.objects.create_superuser("moderator", "m@example.org", "password")
    client.force_login(moderator)
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}])
    admin = context.new_page()
    admin.goto(f"{base}/admin/discussion/comments/")
    admin.get_by_text("Марія Іваненко").first.click()
    admin.wait_for_selector("[name=reply]")
    admin.locator("input[name=action][value=answer]").check()
    admin.locator("[name=reply]").fill("Дякуємо, висадку дерев внесено до плану.")
    admin.locator("[name=outcome]").select_option("taken")
    admin.locator("#w-editor-form button[type=submit]").first.click()
    admin.wait_for_url(f"{base}/admin/discussion/comments/")
    comment.refresh_from_db()
    assert comment.status == CommentStatus.ANSWERED

    # The comment and the reply appear on the draft, the markup as text, the e-mail nowhere.
    citizen.goto(base + open_draft.url)
    section = citizen.locator("#discussion")
    assert "Пропоную <b>висадити</b> дерева вздовж вулиці." in section.inner_text()
    assert "Дякуємо, висадку дерев внесено до плану." in section.inner_text()
    assert "maria@example.org" not in citizen.content()

    # After the deadline the form is gone and the summary is shown.
    draft = ActPage.objects.get(pk=open_draft.pk)
    draft.discussion_until = kyiv_today() - datetime.timedelta(days=1)
    draft.save_revision().publish()
    citizen.goto(base + open_draft.url)
    assert citizen.locator("#discussion form").count() == 0
    summary = citizen.locator(".discussion-summary")
    assert summary.locator("[data-count=received]").inner_text() == "1"
    assert summary.locator("[data-count=taken]").inner_text() == "1"
