"""Moderation in the Wagtail admin: approve, reject with a reason, answer; the commenter is told."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail

from discussion.models import Comment, CommentOutcome, CommentStatus

from .conftest import make_comment

pytestmark = pytest.mark.django_db

INDEX = "/admin/discussion/comments/"


def edit_url(comment):
    return f"{INDEX}edit/{comment.pk}/"


def test_moderators_list_filters_by_status_in_ukrainian(editor_client, open_draft):
    make_comment(open_draft, "Перший коментар")
    make_comment(open_draft, "Другий коментар", status=CommentStatus.REJECTED, rejection_reason="Спам")
    response = editor_client.get(INDEX)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Коментарі" in html and "Очікує модерації" in html and "Перший коментар" in html
    assert "Додати" not in BeautifulSoup(html, "html.parser").select_one("header").get_text()
    filtered = editor_client.get(INDEX, {"status": "rejected"}).content.decode()
    assert "Другий коментар" in filtered and "Перший коментар" not in filtered


def test_comments_are_not_added_from_the_admin(editor_client):
    assert editor_client.get(f"{INDEX}new/").status_code == 404


def test_edit_screen_shows_the_comment_as_received(editor_client, open_draft):
    comment = make_comment(open_draft, "Текст <b>з тегом</b>")
    html = editor_client.get(edit_url(comment)).content.decode()
    assert "olena@example.org" in html and "Текст &lt;b&gt;з тегом&lt;/b&gt;" in html
    assert "Схвалити" in html and "Відхилити" in html and "Відповісти" in html


def test_approve_publishes_on_the_draft_without_the_email(editor_client, client, open_draft):
    comment = make_comment(open_draft, "Пропоную більше лавок у сквері.")
    response = editor_client.post(
        edit_url(comment), {"action": "approve", "rejection_reason": "", "reply": ""}
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == CommentStatus.APPROVED and comment.moderated_at
    assert mail.outbox[-1].to == ["olena@example.org"]
    assert "схвалено" in mail.outbox[-1].body
    page = client.get(open_draft.url).content.decode()
    assert "Пропоную більше лавок у сквері." in page and "Олена Петренко" in page
    assert "olena@example.org" not in page


def test_reject_needs_a_reason_and_tells_it(editor_client, client, open_draft):
    comment = make_comment(open_draft, "Образливий текст")
    response = editor_client.post(edit_url(comment), {"action": "reject", "rejection_reason": ""})
    assert response.status_code == 200  # the form again, with the error
    assert Comment.objects.get().status == CommentStatus.PENDING
    editor_client.post(edit_url(comment), {"action": "reject", "rejection_reason": "Порушує правила"})
    comment.refresh_from_db()
    assert comment.status == CommentStatus.REJECTED and comment.rejection_reason == "Порушує правила"
    assert "Порушує правила" in mail.outbox[-1].body
    assert "Образливий текст" not in client.get(open_draft.url).content.decode()


def test_answer_publishes_the_reply_and_the_outcome(editor_client, client, open_draft):
    comment = make_comment(open_draft, "Додайте освітлення.")
    response = editor_client.post(
        edit_url(comment), {"action": "answer", "reply": "Освітлення буде у 2027 році.", "outcome": "partly"}
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == CommentStatus.ANSWERED and comment.outcome == CommentOutcome.PARTLY
    assert "Освітлення буде у 2027 році." in mail.outbox[-1].body
    page = client.get(open_draft.url).content.decode()
    assert "Освітлення буде у 2027 році." in page and "враховано частково" in page


def test_answer_needs_reply_and_outcome(editor_client, open_draft):
    comment = make_comment(open_draft)
    response = editor_client.post(edit_url(comment), {"action": "answer", "reply": "", "outcome": ""})
    assert response.status_code == 200
    assert "Напишіть відповідь ради." in response.content.decode()
    assert Comment.objects.get().status == CommentStatus.PENDING


def test_a_user_without_the_permission_cannot_moderate(client, django_user_model, open_draft):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("redaktor", "r@example.org", "x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    comment = make_comment(open_draft)
    assert client.get(edit_url(comment)).status_code in (302, 403)
    assert client.get(f"{INDEX}attachment/{comment.pk}/").status_code == 404
