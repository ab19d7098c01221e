"""load_demo shows the feature: an open draft with two published comments, one answered."""

import pytest
from wagtail import hooks

from discussion.demo import DEMO_HOOK, add_demo_comments
from discussion.models import Comment, CommentStatus
from pages.demo import Report

pytestmark = pytest.mark.django_db


def test_demo_comments_are_registered_with_load_demo():
    assert add_demo_comments in hooks.get_hooks(DEMO_HOOK)


def test_demo_puts_two_published_comments_on_an_open_draft_once(client, home_page, open_draft, closed_draft):
    report = Report()
    add_demo_comments(home=home_page, user=None, report=report)
    add_demo_comments(home=home_page, user=None, report=report)
    assert report.created["коментарів"] == 2
    comments = Comment.objects.filter(draft=open_draft)
    assert comments.count() == 2 and not Comment.objects.filter(draft=closed_draft).exists()
    assert set(comments.values_list("status", flat=True)) == {CommentStatus.APPROVED, CommentStatus.ANSWERED}
    html = client.get(open_draft.url).content.decode()
    assert "Олена Петренко" in html and "Пропозицію враховано частково" in html
