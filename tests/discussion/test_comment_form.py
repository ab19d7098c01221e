"""A citizen's comment on a draft: the form on the page, the POST decided on the server."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client

from discussion.models import Comment, CommentStatus
from discussion.services import kyiv_today

from .conftest import comment_data, make_draft

pytestmark = pytest.mark.django_db


def post_url(draft):
    return f"/discussion/{draft.pk}/comment/"


def section(response):
    return BeautifulSoup(response.content, "html.parser").find(id="discussion")


def test_open_draft_shows_deadline_working_days_left_and_the_form(client, open_draft):
    found = section(client.get(open_draft.url))
    assert found is not None
    text = found.get_text(" ", strip=True)
    assert "Коментарі приймаються до" in text
    assert "робоч" in found.select_one(".discussion-section__days").get_text()
    form = found.find("form")
    assert form["action"] == post_url(open_draft)
    names = {field.get("name") for field in form.find_all(["input", "textarea"])}
    assert {
        "author_name",
        "email",
        "text",
        "attachment",
        "consent",
        "website",
        "csrfmiddlewaretoken",
    } <= names
    assert "Про захист персональних даних" in form.get_text()


def test_working_days_left_come_from_the_deadline_engine(open_draft):
    from discussion.selectors import working_days_left
    from reports.deadlines import default_calendar

    today = datetime.date(2026, 12, 28)  # Monday
    open_draft.discussion_until = datetime.date(2027, 1, 4)  # next Monday; the holidays are the engine's
    cal = default_calendar()
    expected = cal.count_between(today, open_draft.discussion_until) + 1
    assert working_days_left(open_draft, today=today) == expected


def test_comment_is_stored_pending_and_the_secretariat_is_told(client, open_draft, settings):
    settings.DISCUSSION_NOTIFY_EMAILS = ["secretariat@example.org"]
    response = client.post(post_url(open_draft), comment_data())
    assert response.status_code == 200
    assert "Дякуємо" in response.content.decode()
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.PENDING and comment.draft_id == open_draft.pk
    assert comment.consent_given_at is not None
    assert [message.to for message in mail.outbox] == [["secretariat@example.org"]]
    assert open_draft.title in mail.outbox[0].subject
    assert f"/admin/discussion/comments/edit/{comment.pk}/" in mail.outbox[0].body


def test_secretariat_group_members_are_told_too(client, open_draft, django_user_model, settings):
    from django.contrib.auth.models import Group

    settings.DISCUSSION_NOTIFY_EMAILS = []
    group, _created = Group.objects.get_or_create(name="Секретаріат ради")  # roles' migration makes it
    django_user_model.objects.create_user("sekretar", "sekretar@example.org", "x").groups.add(group)
    client.post(post_url(open_draft), comment_data())
    assert mail.outbox[0].to == ["sekretar@example.org"]


def test_pending_comment_is_not_shown_on_the_draft(client, open_draft):
    client.post(post_url(open_draft), comment_data(text="Ще не схвалений коментар"))
    assert "Ще не схвалений коментар" not in client.get(open_draft.url).content.decode()


def test_consent_is_required(client, open_draft):
    data = comment_data()
    del data["consent"]
    response = client.post(post_url(open_draft), data)
    assert response.status_code == 400
    assert "згоди" in response.content.decode()
    assert not Comment.objects.exists()


def test_form_closes_by_itself_after_the_deadline(client, closed_draft):
    found = section(client.get(closed_draft.url))
    assert found.find("form") is None
    assert "обговорення завершилося" in found.get_text()


def test_a_post_after_the_deadline_is_refused_whatever_a_cache_holds(client, open_draft):
    form_page = client.get(open_draft.url)  # the form, as a page cache would keep it
    assert section(form_page).find("form") is not None
    open_draft.discussion_until = kyiv_today() - datetime.timedelta(days=1)
    open_draft.save_revision().publish()
    response = client.post(post_url(open_draft), comment_data())
    assert response.status_code == 403
    assert "Коментарі більше не приймаються" in response.content.decode()
    assert not Comment.objects.exists()


def test_the_last_day_still_takes_comments(client, act_index):
    draft = make_draft(act_index, until=kyiv_today())
    assert client.post(post_url(draft), comment_data()).status_code == 200


def test_post_to_a_decision_or_unknown_page_is_404(client, act_index):
    from tests import factories as f

    decision = f.ActPageFactory(parent=act_index)
    assert client.post(post_url(decision), comment_data()).status_code == 404
    assert client.post("/discussion/999999/comment/", comment_data()).status_code == 404
    assert client.get("/discussion/1/comment/").status_code == 405


def test_csrf_is_enforced(open_draft):
    csrf_client = Client(enforce_csrf_checks=True)
    assert csrf_client.post(post_url(open_draft), comment_data()).status_code == 403
    assert not Comment.objects.exists()


def test_honeypot_filled_is_thanked_and_dropped(client, open_draft):
    response = client.post(post_url(open_draft), comment_data(website="http://spam.example"))
    assert response.status_code == 200
    assert not Comment.objects.exists()


def test_rate_limit_per_client(client, open_draft, settings):
    settings.DISCUSSION_RATE_LIMIT = 2
    for n in range(2):
        assert client.post(post_url(open_draft), comment_data(text=f"Коментар {n}")).status_code == 200
    response = client.post(post_url(open_draft), comment_data(text="Третій"))
    assert response.status_code == 429
    assert "забагато" in response.content.decode()
    other = Client(REMOTE_ADDR="10.0.0.9")
    assert other.post(post_url(open_draft), comment_data(text="Інший клієнт")).status_code == 200
    assert Comment.objects.count() == 3


def test_repeated_identical_comments_are_merged(client, open_draft):
    client.post(post_url(open_draft), comment_data(text="Зробіть   парк!"))
    response = client.post(post_url(open_draft), comment_data(text="  зробіть ПАРК! ", email="b@example.org"))
    assert "ще раз" in response.content.decode()
    comment = Comment.objects.get()
    assert comment.repeats == 2 and comment.text == "Зробіть   парк!"


def test_the_same_text_on_another_draft_is_another_comment(client, open_draft, act_index):
    other = make_draft(act_index, until=kyiv_today() + datetime.timedelta(days=3))
    client.post(post_url(open_draft), comment_data(text="Однаковий текст"))
    client.post(post_url(other), comment_data(text="Однаковий текст"))
    assert Comment.objects.count() == 2
