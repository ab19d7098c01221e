"""Acts and commission documents go live through the moderators' approval; news publish directly."""

import datetime
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, TaskState, WorkflowState

from roles.definitions import WORKFLOW_NAME
from roles.models import ModeratorApprovalTask
from tests import factories as f

from .helpers import post_edit

pytestmark = pytest.mark.django_db


def submit(client, page, **changes):
    response = post_edit(client, page, action="submit", **changes)
    assert response.status_code == 302
    return page.specific_class.objects.get(pk=page.pk)


def task_action_url(page, action):
    page = Page.objects.get(pk=page.pk)
    state = page.current_workflow_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, state.pk])


def test_acts_and_commission_documents_are_under_the_approval_workflow(sections, act):
    document = f.CommissionDocumentPageFactory(parent=sections["commission"])
    for page in (act, document):
        assert page.get_workflow().name == WORKFLOW_NAME
    assert isinstance(act.get_workflow().tasks.first().specific, ModeratorApprovalTask)


def test_secretary_submits_an_act_and_the_moderators_are_told_by_mail(login, secretary, moderator, act):
    mail.outbox.clear()
    act = submit(login(secretary), act, summary="Нова редакція")
    assert act.workflow_in_progress
    assert any(moderator.email in message.to for message in mail.outbox)
    assert not any(secretary.email in message.to for message in mail.outbox)


def test_rejection_without_a_comment_rejects_nothing(login, secretary, moderator, act):
    submit(login(secretary), act, summary="Нова редакція")
    login(moderator).post(task_action_url(act, "reject"), {"comment": "  "})
    assert Page.objects.get(pk=act.pk).current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS


def test_rejection_with_a_comment_tells_the_author_in_the_admin_and_by_mail(login, secretary, moderator, act):
    submit(login(secretary), act, summary="Нова редакція")
    mail.outbox.clear()
    login(moderator).post(task_action_url(act, "reject"), {"comment": "Уточніть номер рішення"})
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(act.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    to_author = [message for message in mail.outbox if secretary.email in message.to]
    assert to_author and "Уточніть номер рішення" in to_author[0].body
    history = login(secretary).get(reverse("wagtailadmin_pages:history", args=[act.pk]))
    assert "Уточніть номер рішення" in history.content.decode()
    assert not Page.objects.get(pk=act.pk).specific.summary  # the live act is unchanged


def test_approval_publishes_the_act_and_tells_the_author(login, secretary, moderator, act):
    submit(login(secretary), act, summary="Нова редакція")
    mail.outbox.clear()
    response = login(moderator).post(task_action_url(act, "approve"), {"comment": ""})
    assert response.status_code == 302
    act.refresh_from_db()
    assert act.live and act.summary == "Нова редакція"
    assert any(secretary.email in message.to for message in mail.outbox)


def test_news_publish_without_approval(login, press_officer, news):
    response = post_edit(login(press_officer), news, action="publish", title="Без затвердження")
    assert response.status_code == 302
    news.refresh_from_db()
    assert news.title == "Без затвердження" and not news.workflow_in_progress


def test_publish_scheduled_publishes_at_go_live_and_unpublishes_at_expiry(sections):
    go_live = timezone.now().replace(microsecond=0) + datetime.timedelta(days=30)
    news = f.NewsPageFactory(parent=sections["news"], live=False)
    news.go_live_at = go_live
    news.expire_at = go_live + datetime.timedelta(days=7)
    revision = news.save_revision()
    revision.publish()  # a future go-live date: the revision is only scheduled
    news.refresh_from_db()
    assert not news.live

    with mock.patch("django.utils.timezone.now", return_value=go_live - datetime.timedelta(minutes=1)):
        call_command("publish_scheduled", verbosity=0)
    news.refresh_from_db()
    assert not news.live

    with mock.patch("django.utils.timezone.now", return_value=go_live + datetime.timedelta(minutes=1)):
        call_command("publish_scheduled", verbosity=0)
    news.refresh_from_db()
    assert news.live

    with mock.patch("django.utils.timezone.now", return_value=news.expire_at + datetime.timedelta(minutes=1)):
        call_command("publish_scheduled", verbosity=0)
    news.refresh_from_db()
    assert not news.live and news.expired
