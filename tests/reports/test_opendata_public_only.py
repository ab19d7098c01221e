"""Open data shows only what anyone may read on the site, and dates as Kyiv reads them."""

import datetime
import json

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import PageViewRestriction

from discussion.models import Comment, CommentStatus
from discussion.text import text_key
from pages.models import ActStatus, ActType
from tests import factories as f

pytestmark = pytest.mark.django_db


def items(client, name) -> list[dict]:
    response = client.get(f"/opendata/{name}.json")
    assert response.status_code == 200 and response.streaming
    return json.loads(b"".join(response.streaming_content))["items"]


def restrict(page, kind):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind, password="таємниця")
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.add(Group.objects.get_or_create(name="Депутати")[0])


def comment_on(draft, text, *, at=None):
    comment = Comment.objects.create(
        draft=draft,
        author_name="Оксана",
        email="oksana@example.com",
        text=text,
        text_key=text_key(text),
        consent_given_at=timezone.now(),
        status=CommentStatus.APPROVED,
    )
    if at is not None:  # created_at is auto_now_add
        Comment.objects.filter(pk=comment.pk).update(created_at=at)
    return comment


RESTRICTIONS = [PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD, PageViewRestriction.GROUPS]


@pytest.mark.parametrize("kind", RESTRICTIONS)
@pytest.mark.parametrize("where", ["page", "section"])
def test_private_pages_are_not_in_open_data(client, sections, home_page, kind, where):
    """A page behind a login, a password or a group (its own or its section's) stays out of every dataset."""
    private_acts = f.ActIndexPageFactory(parent=home_page, slug="zakryti", title="Закриті")
    private_commissions = f.CommissionPageFactory(parent=sections["commission"].get_parent())
    open_act = f.ActPageFactory(parent=sections["acts"], title="Відкритий акт")
    open_draft = f.ActPageFactory(
        parent=sections["acts"],
        title="Відкритий проєкт",
        act_type=ActType.DRAFT_DECISION,
        status=ActStatus.DRAFT,
        adopted_on=None,
        discussion_until=datetime.date(2020, 1, 31),
    )
    parent_of_acts = sections["acts"] if where == "page" else private_acts
    parent_of_documents = sections["commission"] if where == "page" else private_commissions
    hidden_act = f.ActPageFactory(parent=parent_of_acts, title="Закритий акт")
    hidden_draft = f.ActPageFactory(
        parent=parent_of_acts,
        title="Закритий проєкт",
        act_type=ActType.DRAFT_DECISION,
        status=ActStatus.DRAFT,
        adopted_on=None,
        discussion_until=datetime.date(2020, 1, 31),
    )
    f.CommissionDocumentPageFactory(parent=sections["commission"], title="Відкритий висновок")
    hidden_document = f.CommissionDocumentPageFactory(parent=parent_of_documents, title="Закритий висновок")
    comment_on(open_draft, "Підтримую.")
    comment_on(hidden_draft, "Внутрішнє зауваження.")
    for page in (
        [hidden_act, hidden_draft, hidden_document]
        if where == "page"
        else [private_acts, private_commissions]
    ):
        restrict(page, kind)
    shown = client.get(hidden_act.url)  # the site itself asks for a login or a password
    assert shown.status_code != 200 or hidden_act.number not in shown.content.decode()

    assert {item["title"] for item in items(client, "acts")} == {open_act.title, open_draft.title}
    assert [item["title"] for item in items(client, "commission-documents")] == ["Відкритий висновок"]
    assert [item["text"] for item in items(client, "discussion-comments")] == ["Підтримую."]
    assert [item["draft_title"] for item in items(client, "discussion-summaries")] == [open_draft.title]
    counts = {entry["name"]: entry["rows"] for entry in client.get("/opendata/index.json").json()["datasets"]}
    assert counts["acts"] == 2 and counts["commission-documents"] == 1
    assert counts["discussion-comments"] == 1 and counts["discussion-summaries"] == 1


@pytest.mark.parametrize(
    ("received_at", "kyiv_day"),
    [
        # 00:30 on 1 January in Kyiv is 22:30 UTC on 31 December.
        (datetime.datetime(2025, 12, 31, 22, 30, tzinfo=datetime.UTC), "2026-01-01"),
        # 23:30 on 31 December in Kyiv is 21:30 UTC the same day.
        (datetime.datetime(2025, 12, 31, 21, 30, tzinfo=datetime.UTC), "2025-12-31"),
        # 00:30 on the day summer time begins (29 March 2026, UTC+2 until 03:00) is 22:30 UTC the day before.
        (datetime.datetime(2026, 3, 28, 22, 30, tzinfo=datetime.UTC), "2026-03-29"),
        # 00:30 on the day after summer time ends (25 October 2026, UTC+3 until 04:00) is 21:30 UTC.
        (datetime.datetime(2026, 10, 24, 21, 30, tzinfo=datetime.UTC), "2026-10-25"),
    ],
)
def test_comment_received_on_is_the_day_in_kyiv(client, sections, received_at, kyiv_day):
    """The day a comment came in is Kyiv's day, as in the monthly report, not the database's UTC one."""
    draft = f.ActPageFactory(
        parent=sections["acts"],
        act_type=ActType.DRAFT_DECISION,
        status=ActStatus.DRAFT,
        adopted_on=None,
        discussion_until=datetime.date(2026, 12, 31),
    )
    comment_on(draft, "Пропоную зміни.", at=received_at)
    [item] = items(client, "discussion-comments")
    assert item["received_on"] == kyiv_day
    csv_text = b"".join(client.get("/opendata/discussion-comments.csv").streaming_content).decode()
    assert f",{kyiv_day}," in csv_text
