"""Editors enter meetings (agenda inline) and votes (ballots inline); a saved vote is recounted."""

import datetime

import pytest
from django.urls import reverse

from council.models import AgendaItem, Meeting, Vote
from council.tally import recount

from .factories import (
    AgendaItemFactory,
    BallotFactory,
    DeputyFactory,
    MeetingFactory,
    MembershipFactory,
    VoteFactory,
)
from .test_admin import english_on, formset

pytestmark = pytest.mark.django_db


def meeting_data(convocation, **fields):
    return {
        "kind": "plenary",
        "number": "41",
        "convocation": convocation.pk,
        "commission": "",
        "title": "",
        "starts_at": "2024-03-14 10:00",
        "place": "Сесійна зала",
        "status": "announced",
        "postponed_to": "",
        "protocol": "",
        "video": "",
        "notes": "",
        **fields,
    }


def test_an_editor_adds_a_session_with_its_agenda(editor_client, convocation):
    data = meeting_data(convocation) | formset(
        "agenda_items",
        [
            {"number": "1", "title": "Про бюджет громади", "draft": "", "decision": "", "rapporteur": ""},
            {"number": "2", "title": "Про програму спорту", "draft": "", "decision": "", "rapporteur": ""},
        ],
    )
    response = editor_client.post(reverse("council_meetings:add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    meeting = Meeting.objects.get()
    assert meeting.number == 41 and meeting.convocation == convocation
    assert [item.title for item in meeting.agenda_items.all()] == [
        "Про бюджет громади",
        "Про програму спорту",
    ]


def test_a_postponed_date_on_a_held_session_is_refused_in_ukrainian(editor_client, convocation):
    data = meeting_data(convocation, status="held", postponed_to="2024-03-20 10:00")
    response = editor_client.post(reverse("council_meetings:add"), data | formset("agenda_items", []))
    assert response.status_code == 200
    assert "Нову дату має лише перенесене засідання." in response.content.decode()
    assert not Meeting.objects.exists()


def test_the_meeting_list_filters_by_kind_year_and_searches_titles(editor_client, convocation):
    session = MeetingFactory(
        convocation=convocation, number=40, starts_at=datetime.datetime(2024, 3, 14, 8, tzinfo=datetime.UTC)
    )
    AgendaItemFactory(meeting=session, title="Про бюджет громади")
    MeetingFactory(
        convocation=None,
        kind="executive",
        number=12,
        starts_at=datetime.datetime(2023, 5, 2, 9, tzinfo=datetime.UTC),
    )
    url = reverse("council_meetings:index")
    executive = editor_client.get(url, {"kind": "executive"}).content.decode()
    assert "засідання виконавчого комітету № 12" in executive and "№ 40" not in executive
    assert "02.05.2023 12:00" in executive  # 09:00 UTC is noon in Kyiv
    by_year = editor_client.get(url, {"year": "2024"}).content.decode()
    assert "№ 40" in by_year and "№ 12" not in by_year
    found = editor_client.get(url, {"q": "бюджет"}).content.decode()
    assert "№ 40" in found and "№ 12" not in found
    assert editor_client.get(url, {"year": "99999999999999"}).status_code == 200


def ballots(rows):
    return formset("ballots", [{"deputy": d.pk, "recorded_name": "", "choice": c} for d, c in rows])


def test_a_vote_entered_with_its_ballots_is_recounted(editor_client, convocation):
    deputies = [DeputyFactory() for _ in range(4)]
    for deputy in deputies:
        MembershipFactory(deputy=deputy, convocation=convocation)
    item = AgendaItemFactory(meeting=MeetingFactory(convocation=convocation))
    data = {
        "agenda_item": item.pk,
        "position": "1",
        "question": "whole",
        "majority": "half",
        "description": "",
        "held_at": "",
        "published_at": "",
        **ballots(zip(deputies, ["for", "for", "for", "against"], strict=True)),
    }
    response = editor_client.post(reverse("council_votes:add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    vote = Vote.objects.get()
    assert (vote.for_count, vote.against_count, vote.composition) == (3, 1, 5)
    assert vote.quorum is True and vote.adopted is True


def test_editing_a_vote_recounts_it(editor_client, convocation):
    deputies = [DeputyFactory() for _ in range(4)]
    for deputy in deputies:
        MembershipFactory(deputy=deputy, convocation=convocation)
    vote = VoteFactory(agenda_item=AgendaItemFactory(meeting=MeetingFactory(convocation=convocation)))
    existing = [BallotFactory(vote=vote, deputy=deputy, choice="for") for deputy in deputies]
    recount(vote)
    assert Vote.objects.get().adopted is True
    data = {
        "agenda_item": vote.agenda_item_id,
        "position": str(vote.position),
        "question": "whole",
        "majority": "half",
        "description": "",
        "held_at": "",
        "published_at": "",
        **formset("ballots", []),
    }
    # Three of the four ballots become «against»: the decision is no longer adopted.
    data.update(
        {
            "ballots-TOTAL_FORMS": "4",
            "ballots-INITIAL_FORMS": "4",
        }
    )
    for number, ballot in enumerate(existing):
        data.update(
            {
                f"ballots-{number}-id": ballot.pk,
                f"ballots-{number}-deputy": ballot.deputy_id,
                f"ballots-{number}-recorded_name": "",
                f"ballots-{number}-choice": "for" if number == 0 else "against",
                f"ballots-{number}-ORDER": str(number + 1),
                f"ballots-{number}-DELETE": "",
            }
        )
    response = editor_client.post(reverse("council_votes:edit", args=[vote.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    vote.refresh_from_db()
    assert (vote.for_count, vote.against_count, vote.adopted) == (1, 3, False)


def test_the_vote_list_filters_by_result_and_meeting(editor_client, convocation):
    adopted = VoteFactory(agenda_item=AgendaItemFactory(title="Про бюджет громади"))
    Vote.objects.filter(pk=adopted.pk).update(adopted=True, for_count=20)
    rejected = VoteFactory(agenda_item=AgendaItemFactory(title="Про тарифи на воду"))
    Vote.objects.filter(pk=rejected.pk).update(adopted=False)
    url = reverse("council_votes:index")
    html = editor_client.get(url, {"adopted": "true"}).content.decode()
    assert "Про бюджет громади" in html and "Про тарифи на воду" not in html
    html = editor_client.get(url, {"meeting": rejected.agenda_item.meeting_id}).content.decode()
    assert "Про тарифи на воду" in html and "Про бюджет громади" not in html
    assert "20 / 0 / 0" in editor_client.get(url).content.decode()


def test_the_vote_form_names_each_agenda_item_with_its_meeting(editor_client):
    item = AgendaItemFactory(title="Про бюджет громади", meeting=MeetingFactory(number=40))
    html = editor_client.get(reverse("council_votes:add")).content.decode()
    assert f"{item.meeting} — {item}" in html


@pytest.mark.parametrize("screen", ["index", "add", "edit", "delete"])
@pytest.mark.parametrize("viewset", ["council_meetings", "council_votes"])
def test_the_meeting_and_vote_screens_show_no_english(editor_client, convocation, viewset, screen):
    vote = VoteFactory(agenda_item=AgendaItemFactory(meeting=MeetingFactory(convocation=convocation)))
    BallotFactory(vote=vote)
    obj = vote if viewset == "council_votes" else vote.agenda_item.meeting
    args = [obj.pk] if screen in {"edit", "delete"} else []
    response = editor_client.get(reverse(f"{viewset}:{screen}", args=args))
    assert response.status_code == 200
    assert english_on(response) == []
    assert AgendaItem.objects.count() == 1
