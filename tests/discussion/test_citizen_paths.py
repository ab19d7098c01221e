"""A citizen's comment through the real public form (CSRF enforced) and what the public then sees."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.test import Client

from cms.cache import HEADER
from discussion.models import Comment, CommentOutcome
from discussion.services import answer_comment, approve_comment, kyiv_today, reject_comment
from tests import factories as f

from .conftest import comment_data, make_comment, make_draft

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def csrf_client(draft):
    """A browser that opened the draft's page: CSRF enforced, the token taken from the page's form."""
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(draft.url)
    assert page.status_code == 200
    token = BeautifulSoup(page.content, "html.parser").find("input", {"name": "csrfmiddlewaretoken"})
    browser.token = token["value"]
    return browser


def send(browser, draft, **overrides):
    data = comment_data(**overrides)
    data["csrfmiddlewaretoken"] = browser.token
    return browser.post(f"/discussion/{draft.pk}/comment/", data)


def comments_on(client, draft):
    found = BeautifulSoup(client.get(draft.url).content, "html.parser").select(".comments > li")
    return [item.get_text(" ", strip=True) for item in found]


def test_a_comment_in_cyrillic_with_every_apostrophe_is_kept_as_written(open_draft):
    browser = csrf_client(open_draft)
    text = "Пам'ять, пам’ять, памʼять і пам`ять — м'ясо 😀 <script>alert(1)</script> https://x.ua/?a=1&b=2"
    response = send(browser, open_draft, text=text, author_name="Мар’яна О'Ніл")
    assert response.status_code == 200
    assert Comment.objects.get().text == text


def test_without_the_token_the_post_is_refused(open_draft):
    browser = Client(enforce_csrf_checks=True)
    browser.get(open_draft.url)
    assert browser.post(f"/discussion/{open_draft.pk}/comment/", comment_data()).status_code == 403
    assert not Comment.objects.exists()


def test_a_comment_the_browser_let_through_at_the_limit_is_accepted_with_its_line_breaks(open_draft):
    """A textarea counts a line break as one character, the browser sends it as CR LF (HTML spec)."""
    browser = csrf_client(open_draft)
    form = BeautifulSoup(browser.get(open_draft.url).content, "html.parser").find("textarea")
    limit = int(form["maxlength"])
    paragraphs = ["а" * 999] * 10
    typed = "\n".join(paragraphs)
    typed += "б" * (limit - len(typed))
    assert len(typed) == limit
    response = send(browser, open_draft, text=typed.replace("\n", "\r\n"))
    assert response.status_code == 200, response.content.decode()[:3000]
    assert Comment.objects.get().text == typed


def test_an_approved_comment_on_a_closed_draft_shows_at_the_next_request(
    client, settings, act_index, django_capture_on_commit_callbacks
):
    """Answers come after the deadline, when the draft's page (no form any more) is cached."""
    settings.PAGE_CACHE_ENABLED = True
    draft = make_draft(act_index, until=kyiv_today() - datetime.timedelta(days=2), title="Про парки")
    comment = make_comment(draft, "Посадіть більше лип у парку.")
    rejected = make_comment(draft, "Образливий текст.")
    assert comments_on(client, draft) == []
    assert client.get(draft.url)[HEADER] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        approve_comment(comment=comment)
        reject_comment(comment=rejected, reason="Образи")
    shown = comments_on(client, draft)
    assert len(shown) == 1 and "Посадіть більше лип" in shown[0]
    assert "Образливий" not in client.get(draft.url).content.decode()


def test_an_answer_shows_at_once_in_the_summary_on_the_decision_adopted_from_the_draft(
    client, settings, act_index, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_ENABLED = True
    decision = f.ActPageFactory(parent=act_index, title="Про парки (рішення)")
    draft = make_draft(act_index, until=kyiv_today() - datetime.timedelta(days=2), title="Про парки")
    draft.adopted_as = decision
    draft.save_revision().publish()
    comment = make_comment(draft, "Посадіть більше лип у парку.")
    client.get(decision.url)
    assert client.get(decision.url)[HEADER] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        answer_comment(comment=comment, reply="Враховано: липи буде висаджено.", outcome=CommentOutcome.TAKEN)
    html = client.get(decision.url).content.decode()
    assert "Враховано: липи буде висаджено." in html


def test_the_page_with_the_form_is_never_served_from_the_cache_with_another_visitors_token(
    settings, open_draft
):
    settings.PAGE_CACHE_ENABLED = True
    first, second = csrf_client(open_draft), csrf_client(open_draft)
    assert first.token != second.token
    refused = send(first, open_draft, text="   \n\t  ")
    assert refused.status_code == 400 and "field-error" in refused.content.decode()
    page = Client().get(open_draft.url)
    assert page.get(HEADER) != "hit" and "field-error" not in page.content.decode()


def test_a_flood_from_one_address_is_stopped_after_the_documented_quota(settings, open_draft):
    settings.DISCUSSION_RATE_LIMIT = 3
    browser = csrf_client(open_draft)
    answers = [send(browser, open_draft, text=f"Пропозиція № {n}").status_code for n in range(5)]
    assert answers == [200, 200, 200, 429, 429]
    assert Comment.objects.count() == 3
    assert "забагато" in send(browser, open_draft, text="ще").content.decode().lower()
