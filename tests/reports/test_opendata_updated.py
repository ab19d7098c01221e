"""A dataset's «updated» moves whenever its rows change: a row that leaves changes the data too.

A harvester (data.gov.ua, a journalist's script) downloads a dataset again only when ``updated`` in
``/opendata/index.json`` has moved; a page unpublished, deleted, moved or put behind a login must
move it, though no page was published.
"""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry, Page, PageLogEntry, PageViewRestriction

from council.models import Deputy
from discussion.models import Comment, CommentStatus
from discussion.services import approve_comment
from discussion.text import text_key
from pages.models import ActPage, ActStatus, ActType
from tests import factories as f
from tests.council.factories import DeputyFactory

pytestmark = pytest.mark.django_db

LONG_AGO = datetime.datetime(2020, 1, 1, 9, 0, tzinfo=datetime.UTC)


def updated(client, name) -> datetime.datetime | None:
    datasets = {entry["name"]: entry for entry in client.get("/opendata/index.json").json()["datasets"]}
    value = datasets[name]["updated"]
    return datetime.datetime.fromisoformat(value) if value else None


def published_long_ago(page):
    """The page as if its last publication had been long ago: what moves ``updated`` now is what follows."""
    type(page).objects.filter(pk=page.pk).update(last_published_at=LONG_AGO, first_published_at=LONG_AGO)
    return page


def logged(action, *pages) -> datetime.datetime:
    entries = PageLogEntry.objects.filter(action=action)
    if pages:
        entries = entries.filter(page_id__in=[page.pk for page in pages])
    return entries.latest("timestamp").timestamp


@pytest.fixture
def acts(home_page):
    index = f.ActIndexPageFactory(parent=home_page)
    return [published_long_ago(f.ActPageFactory(parent=index)) for _ in range(2)]


def test_publication_is_the_last_change_while_nothing_left(client, acts):
    assert updated(client, "acts") == LONG_AGO


def test_unpublishing_an_act_in_the_admin_moves_updated(editor_client, acts):
    response = editor_client.post(f"/admin/pages/{acts[0].pk}/unpublish/")
    assert response.status_code == 302 and not ActPage.objects.get(pk=acts[0].pk).live
    assert updated(editor_client, "acts") == logged("wagtail.unpublish") > LONG_AGO


def test_deleting_an_act_in_the_admin_moves_updated(editor_client, acts):
    response = editor_client.post(f"/admin/pages/{acts[0].pk}/delete/")
    assert response.status_code == 302 and not Page.objects.filter(pk=acts[0].pk).exists()
    assert updated(editor_client, "acts") == logged("wagtail.delete") > LONG_AGO


def test_deleting_a_section_moves_updated_of_the_pages_under_it(editor_client, acts):
    section = acts[0].get_parent()
    editor_client.post(f"/admin/pages/{section.pk}/delete/")
    assert not ActPage.objects.exists()
    assert updated(editor_client, "acts") == logged("wagtail.delete", *acts) > LONG_AGO


def test_an_act_expiring_moves_updated(client, acts):
    ActPage.objects.filter(pk=acts[0].pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    call_command("publish_scheduled")
    assert not ActPage.objects.get(pk=acts[0].pk).live
    assert updated(client, "acts") == logged("wagtail.unpublish.scheduled") > LONG_AGO


def test_a_section_put_behind_a_login_moves_updated(editor_client, acts):
    section = acts[0].get_parent()
    response = editor_client.post(
        f"/admin/pages/{section.pk}/privacy/", {"restriction_type": PageViewRestriction.LOGIN}
    )
    assert response.status_code == 200 and PageViewRestriction.objects.filter(page=section).exists()
    assert updated(editor_client, "acts") == logged("wagtail.view_restriction.create") > LONG_AGO


def test_unpublishing_a_draft_moves_its_comments_and_summary(editor_client, home_page):
    index = f.ActIndexPageFactory(parent=home_page)
    draft = f.ActPageFactory(
        parent=index,
        act_type=ActType.DRAFT_DECISION,
        status=ActStatus.DRAFT,
        adopted_on=None,
        discussion_until=datetime.date(2020, 1, 10),
    )
    published_long_ago(draft)
    comment = Comment.objects.create(
        draft=draft,
        author_name="Оксана",
        email="oksana@example.com",
        text="Пропоную зміни.",
        text_key=text_key("Пропоную зміни."),
        consent_given_at=LONG_AGO,
        status=CommentStatus.APPROVED,
    )
    Comment.objects.filter(pk=comment.pk).update(created_at=LONG_AGO, moderated_at=LONG_AGO)
    # The summary's row appeared when the discussion ended: at midnight in Kyiv after its last day.
    kyiv_midnight = datetime.datetime(2020, 1, 10, 22, 0, tzinfo=datetime.UTC)
    assert updated(editor_client, "discussion-comments") == LONG_AGO
    assert updated(editor_client, "discussion-summaries") == kyiv_midnight

    editor_client.post(f"/admin/pages/{draft.pk}/unpublish/")
    unpublished = logged("wagtail.unpublish")
    assert updated(editor_client, "discussion-comments") == unpublished
    assert updated(editor_client, "discussion-summaries") == unpublished


def test_a_comment_approved_moves_updated_to_the_approval_not_its_arrival(client, home_page):
    index = f.ActIndexPageFactory(parent=home_page)
    draft = published_long_ago(
        f.ActPageFactory(
            parent=index,
            act_type=ActType.DRAFT_DECISION,
            status=ActStatus.DRAFT,
            adopted_on=None,
            discussion_until=datetime.date(2099, 1, 10),
        )
    )
    comment = Comment.objects.create(
        draft=draft,
        author_name="Оксана",
        email="oksana@example.com",
        text="Пропоную зміни.",
        text_key=text_key("Пропоную зміни."),
        consent_given_at=LONG_AGO,
    )
    Comment.objects.filter(pk=comment.pk).update(created_at=LONG_AGO)
    comment.refresh_from_db()
    approved = approve_comment(comment=comment)
    assert updated(client, "discussion-comments") == approved.moderated_at > LONG_AGO


def test_deleting_a_deputy_in_the_admin_moves_the_deputies_updated(editor_client):
    deputy = DeputyFactory()
    DeputyFactory(full_name="Лишається Олена Петрівна")
    Deputy.objects.update(updated_at=LONG_AGO)
    assert updated(editor_client, "deputies") == LONG_AGO
    response = editor_client.post(f"/admin/council/deputies/delete/{deputy.pk}/")
    assert response.status_code == 302 and not Deputy.objects.filter(pk=deputy.pk).exists()
    deleted = ModelLogEntry.objects.get(action="wagtail.delete").timestamp
    assert updated(editor_client, "deputies") == deleted > LONG_AGO
