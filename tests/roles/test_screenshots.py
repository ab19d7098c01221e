"""The screenshots of docs/editors.md, taken in Debian's Chromium from a live server.

Run ``pytest -m browser tests/roles/test_screenshots.py`` after a change to the admin; the PNGs land in
``docs/img/editors/`` and are committed with the guide.
"""

import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from tests import factories as f

from .conftest import member
from .helpers import post_edit

CHROMIUM = "/usr/bin/chromium"
IMAGES = Path(__file__).resolve().parents[2] / "docs" / "img" / "editors"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(shutil.which(CHROMIUM) is None, reason="Debian's chromium is not installed"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def shoot(live_server):
    """``shoot(user, path, name)``: open ``path`` as ``user`` and save ``docs/img/editors/<name>.png``."""
    sync_api = pytest.importorskip("playwright.sync_api")
    IMAGES.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])

        def take(user, path, name):
            client = Client()
            client.force_login(user)
            context = browser.new_context(viewport={"width": 1280, "height": 860}, locale="uk-UA")
            context.add_cookies(
                [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
            )
            page = context.new_page()
            page.goto(live_server.url + path, wait_until="networkidle")
            target = IMAGES / f"{name}.png"
            page.screenshot(path=str(target))
            context.close()
            return target

        yield take
        browser.close()


def test_editors_guide_screenshots(shoot, django_user_model, home_page):
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
    secretary = member(django_user_model, "Секретаріат ради", "secretary")
    moderator = member(django_user_model, "Модератори", "moderator")

    taken = [
        shoot(press, f"/admin/pages/add/pages/newspage/{news_index.pk}/", "news-add"),
        shoot(secretary, f"/admin/pages/add/pages/actpage/{acts.pk}/", "act-add"),
        shoot(secretary, f"/admin/pages/{act.pk}/edit/", "act-edit-requisites"),
    ]
    client = Client()
    client.force_login(secretary)
    post_edit(client, act, action="submit", summary="Нова редакція додатка 1")
    taken += [
        shoot(moderator, "/admin/", "moderation-dashboard"),
        shoot(moderator, f"/admin/pages/{act.pk}/edit/", "moderation-edit"),
        shoot(moderator, f"/admin/pages/{act.pk}/delete/", "delete-refused"),
        shoot(moderator, f"/admin/pages/{act.pk}/history/", "history"),
    ]
    for path in taken:
        assert path.stat().st_size > 1000
