"""Comments come from citizens only: the admin neither adds nor copies one (a copy is an add)."""

import pytest
from django.urls import NoReverseMatch, reverse

from discussion.models import Comment

pytestmark = pytest.mark.django_db


def test_a_comment_has_no_copy_screen(superuser_client, admin_content):
    comment = Comment.objects.get()
    with pytest.raises(NoReverseMatch):
        reverse("discussion_comments:copy", args=[comment.pk])
    assert superuser_client.get(f"/admin/discussion/comments/copy/{comment.pk}/").status_code == 404
    for url in (reverse("discussion_comments:index"), reverse("discussion_comments:edit", args=[comment.pk])):
        response = superuser_client.get(url)
        assert response.status_code == 200
        assert "/admin/discussion/comments/copy/" not in response.content.decode()
