"""A draft behind a login or a password (on it or on its section) takes comments, shows their files and
counts in the monthly report only for those Wagtail lets in: the public discussion is of public drafts."""

import datetime
import io

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from discussion.models import Comment, CommentStatus
from discussion.monthly import month_counts

from .conftest import comment_data, make_comment

pytestmark = pytest.mark.django_db


def restrict(page, kind):
    return PageViewRestriction.objects.create(page=page, restriction_type=kind, password="секрет")


@pytest.mark.parametrize("on_section", [False, True], ids=["on the draft", "on its section"])
@pytest.mark.parametrize("kind", [PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD])
def test_a_private_draft_takes_no_comment_from_the_public(client, open_draft, kind, on_section):
    restrict(open_draft.get_parent() if on_section else open_draft, kind)
    response = client.post(f"/discussion/{open_draft.pk}/comment/", comment_data())
    assert response.status_code == 404
    assert not Comment.objects.exists()


def test_a_login_restricted_draft_takes_comments_from_those_it_lets_in(client, django_user_model, open_draft):
    restrict(open_draft, PageViewRestriction.LOGIN)
    client.force_login(django_user_model.objects.create_user("citizen", "c@example.org", "x"))
    response = client.post(f"/discussion/{open_draft.pk}/comment/", comment_data())
    assert response.status_code == 200
    assert Comment.objects.count() == 1


def test_a_published_comments_file_on_a_private_draft_is_not_served(client, open_draft):
    comment = make_comment(open_draft, status=CommentStatus.APPROVED)
    comment.attachment.save("scan.png", io.BytesIO(b"\x89PNG\r\n\x1a\n"), save=True)
    url = f"/discussion/attachment/{comment.pk}/"
    assert client.get(url).status_code == 200
    restrict(open_draft, PageViewRestriction.LOGIN)
    assert client.get(url).status_code == 404


def test_the_monthly_report_counts_public_drafts_and_their_comments_only(open_draft, closed_draft):
    day = closed_draft.discussion_until
    make_comment(open_draft)
    make_comment(closed_draft, text="Інша пропозиція.")
    noon = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
    Comment.objects.update(created_at=noon)
    assert month_counts(day, day) == (1, 2)
    restrict(closed_draft, PageViewRestriction.PASSWORD)
    assert month_counts(day, day) == (0, 1)
