"""load_demo shows the feature: an open draft with two published comments, one answered."""

import io

import pytest
from django.core.management import call_command
from wagtail import hooks

from discussion.demo import DEMO_HOOK, add_demo_comments
from discussion.models import PUBLIC_STATUSES, Comment, CommentStatus
from pages.demo.base import Report

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


def test_load_demo_shows_an_open_draft_with_two_published_comments(client, home_page):
    call_command("load_demo", admin_user="admin", admin_password="demo-password-1", stdout=io.StringIO())
    draft = Comment.objects.select_related("draft").first().draft
    assert draft.is_open_for_discussion()
    assert Comment.objects.filter(draft=draft, status__in=PUBLIC_STATUSES).count() == 2
    html = client.get(draft.url).content.decode()
    assert 'id="discussion"' in html and "Іван Коваль" in html and "<form" in html
