"""After the deadline: the summary on the draft and on the decision; open data; the monthly report."""

import csv
import datetime
import io
import json

import jsonschema
import pytest
from bs4 import BeautifulSoup
from django.utils import timezone, translation

from discussion.models import Comment, CommentOutcome, CommentStatus
from discussion.selectors import summary
from discussion.services import kyiv_today
from reports.monthly import build_report
from reports.render import to_markdown
from tests import factories as f

from .conftest import make_comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def discussed(closed_draft):
    """A finished discussion: one taken, one partly, one not taken, one rejected, one approved."""
    answered = CommentStatus.ANSWERED
    make_comment(
        closed_draft, "Перший", status=answered, outcome=CommentOutcome.TAKEN, reply="Враховано повністю."
    )
    make_comment(
        closed_draft, "Другий", status=answered, outcome=CommentOutcome.PARTLY, reply="Частково так."
    )
    make_comment(
        closed_draft, "Третій", status=answered, outcome=CommentOutcome.NOT_TAKEN, reply="Ні, бо закон."
    )
    make_comment(closed_draft, "Четвертий", status=CommentStatus.REJECTED, rejection_reason="Спам")
    make_comment(closed_draft, "П'ятий", status=CommentStatus.APPROVED, email="secret@example.org")
    return closed_draft


def counts(html):
    soup = BeautifulSoup(html, "html.parser")
    return {tag["data-count"]: int(tag.get_text()) for tag in soup.select("[data-count]")}


def test_summary_is_computed_from_the_outcomes(discussed):
    result = summary(discussed)
    assert (result.received, result.taken, result.partly, result.rejected, result.pending) == (5, 1, 1, 2, 1)
    assert [c.reply for c in result.answered] == ["Враховано повністю.", "Частково так.", "Ні, бо закон."]


def test_no_summary_while_the_discussion_is_open(open_draft):
    make_comment(open_draft, status=CommentStatus.APPROVED)
    assert summary(open_draft) is None


def test_summary_is_published_on_the_draft_after_the_deadline(client, discussed):
    html = client.get(discussed.url).content.decode()
    assert "Підсумки громадського обговорення" in html
    assert counts(html) == {"received": 5, "taken": 1, "partly": 1, "rejected": 2, "pending": 1}
    assert "Ні, бо закон." in html and "secret@example.org" not in html


def test_summary_is_carried_to_the_decision_adopted_from_the_draft(client, discussed, act_index):
    decision = f.ActPageFactory(parent=act_index, title="Про туристичний збір (рішення)")
    discussed.adopted_as = decision
    discussed.save_revision().publish()
    html = client.get(decision.url).content.decode()
    assert "Громадське обговорення проєкту" in html
    assert counts(html)["received"] == 5
    assert discussed.url in html


def test_a_decision_without_discussed_drafts_shows_no_section(client, act_index):
    decision = f.ActPageFactory(parent=act_index)
    assert 'id="discussion"' not in client.get(decision.url).content.decode()


def test_open_data_publishes_comments_without_personal_data(client, discussed, open_draft):
    make_comment(open_draft, "Ще на модерації", email="pending@example.org")
    response = client.get("/opendata/discussion-comments.json")
    assert response.status_code == 200
    document = json.loads(b"".join(response.streaming_content))
    texts = {item["text"] for item in document["items"]}
    assert texts == {"Перший", "Другий", "Третій", "П'ятий"}
    assert "email" not in document["items"][0]
    schema = client.get("/opendata/schemas/discussion-comments.schema.json").json()
    jsonschema.validate(document, schema)
    body = b"".join(client.get("/opendata/discussion-comments.csv").streaming_content).decode()
    assert "@example.org" not in body
    rows = list(csv.DictReader(io.StringIO(body)))
    assert {row["outcome"] for row in rows} == {"taken", "partly", "not_taken", ""}


def test_open_data_comment_text_cannot_start_a_formula(client, closed_draft):
    make_comment(closed_draft, '=HYPERLINK("http://x.example")', status=CommentStatus.APPROVED)
    body = b"".join(client.get("/opendata/discussion-comments.csv").streaming_content).decode()
    assert "'=HYPERLINK" in body


def test_open_data_publishes_the_summaries(client, discussed, open_draft):
    response = client.get("/opendata/discussion-summaries.json")
    document = json.loads(b"".join(response.streaming_content))
    jsonschema.validate(document, client.get("/opendata/schemas/discussion-summaries.schema.json").json())
    (row,) = document["items"]  # the open draft has no summary yet
    assert row["draft_id"] == discussed.pk
    assert (row["received"], row["taken"], row["partly"], row["rejected"], row["pending"]) == (5, 1, 1, 2, 1)


def test_open_data_index_lists_the_discussion_datasets(client):
    names = {d["name"] for d in client.get("/opendata/index.json").json()["datasets"]}
    assert {"discussion-comments", "discussion-summaries"} <= names


def test_monthly_report_counts_drafts_discussed_and_comments_received(act_index):
    from .conftest import make_draft

    month = datetime.date(2026, 3, 1)
    draft = make_draft(act_index, until=datetime.date(2026, 3, 20), date=datetime.date(2026, 3, 1))
    for n in range(3):
        comment = make_comment(draft, f"Коментар {n}")
        Comment.objects.filter(pk=comment.pk).update(
            created_at=timezone.make_aware(datetime.datetime(2026, 3, 10 + n, 12))
        )
    with translation.override("uk"):
        text = to_markdown(build_report(month=month))
    assert "Проведено громадське обговорення 1 проєкту" in text
    assert "3 коментарі надійшли від громадян" in text


def test_monthly_report_says_nothing_of_discussion_in_a_month_without_any(db):
    with translation.override("uk"):
        text = to_markdown(build_report(month=datetime.date(2026, 2, 1)))
    assert "громадське обговорення" not in text


def test_kyiv_today_is_a_date():
    assert isinstance(kyiv_today(), datetime.date)
