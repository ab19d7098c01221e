"""A page sent back by a moderator: its author reads which page, by whom, when and why, in Ukrainian.

Wagtail's dashboard said only «Запит змін у Затвердження модератором» with the date the task started: the
comment, the moderator and the date of the rejection were in a dialog of the page's editor and in its history,
where nobody looks first. Real HTTP throughout: the users log in with their passwords.
"""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, TaskState

from tests import factories as f
from tests.admin.visible_text import UPSTREAM_LITERALS, untranslated, visible_texts

from .conftest import member
from .helpers import post_edit

pytestmark = pytest.mark.django_db

COMMENT = "Уточніть номер рішення і дату ухвалення"


@pytest.fixture
def secretary(django_user_model):
    user = member(django_user_model, "Секретаріат ради", "оксана")
    user.first_name, user.last_name = "Оксана", "Шевчук"
    user.save()
    return user


@pytest.fixture
def moderator(django_user_model):
    user = member(django_user_model, "Модератори", "андрій")
    user.first_name, user.last_name = "Андрій", "Ткаченко"
    user.save()
    return user


def logged_in(client, user):
    assert client.login(username=user.username, password="password")
    return client


def reject(client, page, comment):
    page = Page.objects.get(pk=page.pk)
    state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", state.pk])
    response = client.post(url, {"comment": comment})
    assert response.status_code == 302, response.status_code


@pytest.fixture
def rejected_act(client, sections, secretary, moderator):
    """An act the secretary wrote and submitted, sent back by the moderator with a comment."""
    act = f.ActPageFactory(parent=sections["acts"], title="Про міський бюджет на 2027 рік", live=False)
    act.owner = secretary
    act.save()
    response = post_edit(logged_in(client, secretary), act, action="submit")
    assert response.status_code == 302
    client.logout()
    reject(logged_in(client, moderator), act, COMMENT)
    client.logout()
    return act


def notice_text(html, selector):
    soup = BeautifulSoup(html, "lxml")
    found = soup.select(selector)
    return " ".join(" ".join(node.get_text(" ").split()) for node in found)


def test_the_authors_dashboard_says_which_page_was_sent_back_by_whom_when_and_why(
    client, rejected_act, secretary
):
    response = logged_in(client, secretary).get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    html = response.content.decode()
    panel = notice_text(html, "#objects-in-workflow-section")
    assert "Про міський бюджет на 2027 рік" in panel
    assert COMMENT in panel
    assert "Андрій Ткаченко" in panel
    finished = TaskState.objects.get(status=TaskState.STATUS_REJECTED).finished_at
    local = timezone.localtime(finished)
    assert f"{local:%d.%m.%Y}" in panel
    assert "Повернуто на доопрацювання" in panel
    assert [text for text in untranslated(visible_texts(html)) if text not in UPSTREAM_LITERALS] == []


def test_the_editor_of_a_sent_back_page_says_by_whom_when_and_why(client, rejected_act, secretary):
    response = logged_in(client, secretary).get(reverse("wagtailadmin_pages:edit", args=[rejected_act.pk]))
    assert response.status_code == 200
    notice = notice_text(response.content.decode(), ".messages [data-rejection-notice]")
    assert "Повернуто на доопрацювання" in notice
    assert "Андрій Ткаченко" in notice and COMMENT in notice


def test_after_resubmission_the_dashboard_no_longer_says_sent_back(client, rejected_act, secretary):
    author = logged_in(client, secretary)
    response = post_edit(author, rejected_act, action="submit", summary="Виправлено номер")
    assert response.status_code == 302
    html = author.get(reverse("wagtailadmin_home")).content.decode()
    panel = notice_text(html, "#objects-in-workflow-section")
    assert "Про міський бюджет на 2027 рік" in panel
    assert COMMENT not in panel and "Повернуто на доопрацювання" not in panel
