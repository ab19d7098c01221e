"""The screenshots of docs/editors.md, taken in Debian's Chromium from a live server.

Run ``UPDATE_EDITORS_SCREENSHOTS=1 pytest -m browser tests/roles/test_screenshots.py`` after a change to
the admin; the PNGs land in ``docs/img/editors/`` and are committed with the guide.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.models import Page

from tests import factories as f

from .conftest import member
from .helpers import post_edit

CHROMIUM = "/usr/bin/chromium"
#: The guide's pictures are rewritten only when asked (``UPDATE_EDITORS_SCREENSHOTS=1``); otherwise the
#: run writes them under the test output folder, so CI leaves the checkout as it found it.
GUIDE_IMAGES = Path(__file__).resolve().parents[2] / "docs" / "img" / "editors"
IMAGES = (
    GUIDE_IMAGES
    if os.environ.get("UPDATE_EDITORS_SCREENSHOTS") == "1"
    else Path(__file__).resolve().parents[2] / "test-output" / "editors"
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(shutil.which(CHROMIUM) is None, reason="Debian's chromium is not installed"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def session_cookie(user, url):
    client = Client()
    client.force_login(user)
    return {"name": "sessionid", "value": client.cookies["sessionid"].value, "url": url}


def shoot(base_url, screens):
    """Save ``<IMAGES>/<name>.png`` for each (cookie, path, name) of ``screens``.

    The database is not touched while Playwright's event loop runs (Django refuses it there).
    """
    sync_api = pytest.importorskip("playwright.sync_api")
    IMAGES.mkdir(parents=True, exist_ok=True)
    taken = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for cookie, path, name in screens:
            context = browser.new_context(viewport={"width": 1280, "height": 860}, locale="uk-UA")
            context.add_cookies([cookie])
            page = context.new_page()
            page.goto(base_url + path, wait_until="networkidle")
            # The admin's script draws the sidebar, the tabs and the StreamFields after loading.
            page.on("pageerror", lambda error, path=path: print("script error on", path, error))
            page.wait_for_function(
                "() => document.querySelector('#wagtail-sidebar').children.length > 0"
                " && (!document.querySelector('[role=tabpanel]')"
                " || document.querySelector('[role=tabpanel]:not([hidden])'))",
                timeout=120_000,
            )
            target = IMAGES / f"{name}.png"
            page.screenshot(path=str(target))
            context.close()
            taken.append(target)
        browser.close()
    return taken


def test_editors_guide_screenshots(live_server, django_user_model, home_page):
    news_index = f.NewsIndexPageFactory(parent=home_page)
    acts = f.ActIndexPageFactory(parent=home_page)
    issuer = f.IssuerFactory(name="Ніжинська міська рада", slug="rada")
    act = f.ActPageFactory(
        parent=acts, title="Про міський бюджет на 2026 рік", number="12-49/2025", issuer=issuer
    )
    f.ActPageFactory(
        parent=acts,
        title="Про зміни до бюджету",
        act_type=f.m.ActType.DRAFT_DECISION,
        number="",
        adopted_as=act,
        live=False,
    )
    call_command("sync_roles", verbosity=0)
    press = member(django_user_model, "Пресслужба", "press")
    secretary_user = secretary = member(django_user_model, "Секретаріат ради", "secretary")
    moderator_user = moderator = member(django_user_model, "Модератори", "moderator")

    url = live_server.url
    press, secretary, moderator = (session_cookie(user, url) for user in (press, secretary, moderator))
    taken = shoot(
        url,
        [
            (press, f"/admin/pages/add/pages/newspage/{news_index.pk}/", "news-add"),
            (secretary, f"/admin/pages/add/pages/actpage/{acts.pk}/", "act-add"),
            (secretary, f"/admin/pages/{act.pk}/edit/", "act-edit-requisites"),
        ],
    )
    client = Client()
    client.force_login(secretary_user)
    post_edit(client, act, action="submit", summary="Нова редакція додатка 1")
    taken += shoot(
        url,
        [
            (moderator, "/admin/", "moderation-dashboard"),
            (moderator, f"/admin/pages/{act.pk}/edit/", "moderation-edit"),
            (moderator, f"/admin/pages/{act.pk}/delete/", "delete-refused"),
            (moderator, f"/admin/pages/{act.pk}/history/", "history"),
        ],
    )
    # Sent back with a comment: what the secretary reads on the dashboard and above the act's form.
    client.force_login(moderator_user)
    state = Page.objects.get(pk=act.pk).current_workflow_task_state
    reject = reverse("wagtailadmin_pages:workflow_action", args=[act.pk, "reject", state.pk])
    assert client.post(reject, {"comment": "Додайте пояснювальну записку"}).status_code == 302
    taken += shoot(
        url,
        [
            (secretary, "/admin/", "sent-back-dashboard"),
            (secretary, f"/admin/pages/{act.pk}/edit/", "sent-back-edit"),
        ],
    )
    for path in taken:
        assert path.stat().st_size > 1000
