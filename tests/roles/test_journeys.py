"""Each role's journey through the admin, over real HTTP with a password login, on the roles' own content.

The press office writes a news item and the secretariat a draft decision; both submit them; a moderator
approves the news and sends the draft back with a comment; the secretary reads why, revises, resubmits,
compares the revisions, and the moderator approves. What a role must not do (publish without approval,
delete or unpublish a published act, approve its own act, edit the registries, read the monitoring
notes) ends in a Ukrainian refusal and changes nothing: never a server error, never a success.
"""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from pages.models import ActPage, NewsPage
from roles.definitions import MODERATORS, PRESS_OFFICE, REGISTRY_KEEPERS, SECRETARIAT
from tests.admin.crawl import crawl
from tests.admin.test_ukrainian import english_on
from tests.registry import factories as rf

from .helpers import edit_form_data

pytestmark = pytest.mark.django_db

PASSWORD = "Ніжин-2026"
#: Wagtail's refusal of an area a user may not enter, as the dashboard shows it after the redirect.
NO_ACCESS = "Вибачте, ви не маєте дозволів для доступу у цей розділ."
COMMENT = "Додайте пояснювальну записку і вкажіть джерело фінансування"


@pytest.fixture
def people(django_user_model):
    """One member of each role, with a Ukrainian name, logging in with a password."""
    found = {}
    for group, username, first_name, last_name in (
        (PRESS_OFFICE, "ірина", "Ірина", "Бондар"),
        (SECRETARIAT, "оксана", "Оксана", "Шевчук"),
        (MODERATORS, "андрій", "Андрій", "Ткаченко"),
        (REGISTRY_KEEPERS, "петро", "Петро", "Мельник"),
    ):
        user = django_user_model.objects.create_user(
            username, f"{group[:3]}@example.org", PASSWORD, first_name=first_name, last_name=last_name
        )
        user.groups.add(Group.objects.get(name=group))
        found[group] = user
    return found


@pytest.fixture
def as_(client, people):
    """``as_(group)``: the test client, logged in through the login form as that group's member."""

    def log_in(group):
        client.logout()
        response = client.post(
            reverse("wagtailadmin_login"), {"username": people[group].username, "password": PASSWORD}
        )
        assert response.status_code == 302, response.status_code
        return client

    return log_in


def messages_of(response):
    soup = BeautifulSoup(response.content, "lxml")
    return [" ".join(item.get_text(" ").split()) for item in soup.select(".messages li")]


def add_page(client, model, parent, *, action=None, **fields):
    """Create a page of ``model`` under ``parent`` through the admin's own form."""
    url = reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])
    form = client.get(url)
    assert form.status_code == 200, form.status_code
    data = querydict_from_html(form.content.decode(), form_id="page-edit-form")
    for field in model._meta.get_fields():
        if isinstance(field, StreamField) and f"{field.name}-count" not in data:
            data.update(nested_form_data({field.name: streamfield([])}))
    data.update(fields)
    if action:
        data[f"action-{action}"] = action
    return client.post(url, data, follow=True)


def edit_page(client, page, *, action=None, **changes):
    data = edit_form_data(client, page, **changes)
    if action:
        data[f"action-{action}"] = action
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data, follow=True)


def workflow_action(client, page, action, comment=""):
    state = Page.objects.get(pk=page.pk).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, state.pk])
    return client.post(url, {"comment": comment}, follow=True)


def main_text(response):
    main = BeautifulSoup(response.content, "lxml").find("main")
    return " ".join(main.get_text(" ").split())


def write_news(as_, sections):
    response = add_page(
        as_(PRESS_OFFICE),
        NewsPage,
        sections["news"],
        action="submit",
        title="Відкрито сквер на вулиці Гоголя",
        slug="skver-hoholia",
        kind="news",
        date="2026-12-07",
        lead="Сквер відкрили після реконструкції.",
    )
    assert response.status_code == 200
    return NewsPage.objects.get(slug="skver-hoholia")


def write_draft(as_, sections):
    response = add_page(
        as_(SECRETARIAT),
        ActPage,
        sections["acts"],
        action="submit",
        title="Про міський бюджет на 2027 рік",
        slug="proiekt-biudzhet-2027",
        act_type="draft_decision",
        status="draft",
        date="2026-12-07",
    )
    assert response.status_code == 200
    assert "на модерацію" in " ".join(messages_of(response))
    return ActPage.objects.get(slug="proiekt-biudzhet-2027")


@pytest.fixture
def submitted(as_, sections):
    """The press office's news item and the secretariat's draft, both submitted for approval."""
    return write_news(as_, sections), write_draft(as_, sections)


def test_the_moderator_sees_both_submissions_and_approves_the_news(as_, submitted):
    news, draft = submitted
    moderator = as_(MODERATORS)
    dashboard = main_text(moderator.get(reverse("wagtailadmin_home")))
    assert "В очікуванні огляду" in dashboard
    assert news.title in dashboard and draft.title in dashboard
    response = workflow_action(moderator, news, "approve")
    assert response.status_code == 200
    news.refresh_from_db()
    assert news.live and news.live_revision.user.username == "ірина"


def test_a_draft_sent_back_is_revised_resubmitted_compared_and_published(as_, submitted):
    _news, draft = submitted
    response = workflow_action(as_(MODERATORS), draft, "reject", COMMENT)
    assert response.status_code == 200
    assert WorkflowState.objects.active().get(object_id=str(draft.pk)).status == "needs_changes"

    secretary = as_(SECRETARIAT)
    dashboard = main_text(secretary.get(reverse("wagtailadmin_home")))
    assert "Повернуто на доопрацювання" in dashboard and COMMENT in dashboard
    assert "Андрій Ткаченко" in dashboard
    response = edit_page(secretary, draft, action="submit", summary="Джерело: міський бюджет, КПКВК 0117")
    assert "на модерацію" in " ".join(messages_of(response))
    dashboard = main_text(secretary.get(reverse("wagtailadmin_home")))
    assert draft.title in dashboard and COMMENT not in dashboard

    # The history says who sent it back and why; the last two revisions compare field by field.
    history = main_text(secretary.get(reverse("wagtailadmin_pages:history", args=[draft.pk])))
    assert COMMENT in history
    revisions = list(draft.revisions.order_by("created_at", "pk"))
    compare = secretary.get(
        reverse("wagtailadmin_pages:revisions_compare", args=[draft.pk, revisions[-2].pk, revisions[-1].pk])
    )
    assert compare.status_code == 200
    assert "КПКВК 0117" in main_text(compare)

    response = workflow_action(as_(MODERATORS), draft, "approve")
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.live and draft.summary == "Джерело: міський бюджет, КПКВК 0117"
    assert TaskState.objects.filter(status="rejected", comment=COMMENT).exists()


@pytest.fixture
def published_act(as_, submitted):
    """The secretariat's draft, approved by a moderator: live."""
    _news, draft = submitted
    workflow_action(as_(MODERATORS), draft, "approve")
    draft.refresh_from_db()
    assert draft.live
    return draft


def test_the_secretary_asking_to_publish_is_refused_and_the_live_act_is_unchanged(as_, published_act):
    response = edit_page(as_(SECRETARIAT), published_act, action="publish", summary="Без затвердження")
    assert response.status_code == 200
    said = " ".join(messages_of(response))
    assert "Сторінку не опубліковано: ви не маєте права її публікувати" in said
    live = ActPage.objects.get(pk=published_act.pk)
    assert live.summary == "" and live.has_unpublished_changes


def test_a_new_page_asked_to_be_published_by_the_secretary_is_refused(as_, sections):
    response = add_page(
        as_(SECRETARIAT),
        ActPage,
        sections["acts"],
        action="publish",
        title="Про тарифи",
        slug="pro-taryfy",
        act_type="draft_decision",
        status="draft",
        date="2026-12-07",
    )
    assert "Сторінку не опубліковано" in " ".join(messages_of(response))
    assert not ActPage.objects.get(slug="pro-taryfy").live


def refusals(published_act, organization):
    """(group, method, URL) a role must not use, each refused by the admin."""
    act = published_act.pk
    return [
        (SECRETARIAT, "post", reverse("wagtailadmin_pages:delete", args=[act])),
        (SECRETARIAT, "post", reverse("wagtailadmin_pages:unpublish", args=[act])),
        (SECRETARIAT, "get", reverse("wagtailadmin_pages:delete", args=[act])),
        (SECRETARIAT, "get", "/admin/registry/ngo/create/"),
        (SECRETARIAT, "post", "/admin/registry/ngo/create/"),
        (SECRETARIAT, "post", f"/admin/registry/ngo/edit/{organization.pk}/"),
        (SECRETARIAT, "get", reverse("monitoring_note:index")),
        (SECRETARIAT, "get", reverse("monitoring_digest:index")),
        (PRESS_OFFICE, "get", reverse("wagtailadmin_pages:edit", args=[act])),
        (PRESS_OFFICE, "post", reverse("wagtailadmin_pages:delete", args=[act])),
        (PRESS_OFFICE, "post", f"/admin/registry/ngo/delete/{organization.pk}/"),
        (PRESS_OFFICE, "get", reverse("monitoring_note:index")),
        (MODERATORS, "get", "/admin/registry/ngo/create/"),
        (MODERATORS, "get", reverse("monitoring_note:index")),
        (REGISTRY_KEEPERS, "get", reverse("wagtailadmin_pages:edit", args=[act])),
        (REGISTRY_KEEPERS, "post", reverse("wagtailadmin_pages:delete", args=[act])),
        (REGISTRY_KEEPERS, "get", reverse("monitoring_note:index")),
    ]


def test_what_a_role_must_not_do_is_refused_in_ukrainian_and_changes_nothing(as_, published_act):
    organization = rf.OrganizationFactory(name="Громадська спілка «Ніжин разом»")
    for group, method, url in refusals(published_act, organization):
        client = as_(group)
        response = getattr(client, method)(url, {"name": "Змінено"} if method == "post" else None)
        assert response.status_code == 302, (group, method, url, response.status_code)
        assert response.url == reverse("wagtailadmin_home"), (group, url, response.url)
        assert NO_ACCESS in " ".join(messages_of(client.get(response.url))), (group, url)
    published_act.refresh_from_db()
    assert published_act.live
    organization.refresh_from_db()
    assert organization.name == "Громадська спілка «Ніжин разом»"


def test_the_secretary_cannot_approve_her_own_act(as_, submitted):
    _news, draft = submitted
    client = as_(SECRETARIAT)
    state = Page.objects.get(pk=draft.pk).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[draft.pk, "approve", state.pk])
    response = client.post(url, {"comment": ""})
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert NO_ACCESS in " ".join(messages_of(client.get(response.url)))
    assert not ActPage.objects.get(pk=draft.pk).live


@pytest.mark.parametrize("group", [SECRETARIAT, MODERATORS])
def test_the_admin_in_the_middle_of_the_journey_is_ukrainian(as_, submitted, group):
    """The author with a draft sent back, the moderator with a news item to review: every screen."""
    _news, draft = submitted
    workflow_action(as_(MODERATORS), draft, "reject", COMMENT)
    result = crawl(as_(group), seeds=[reverse("wagtailadmin_pages:edit", args=[draft.pk])])
    assert len(result.visited) > 20
    assert {url: status for url, status in result.failures.items() if status >= 500} == {}
    assert english_on(result) == ""
