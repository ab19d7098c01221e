"""A convocation's term as a citizen reads it: a deputy who changes faction, a mandate ended and a
successor sworn in, a session postponed and held later, two votes on one item, a vote with no quorum."""

import csv
import datetime
import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from council.kinds import BallotChoice, DeputyStatus, MeetingStatus, Question
from council.models import Membership, Vote
from council.tally import recount
from tests import factories as f
from tests.registry.factories import PartyOrganizationFactory

from .factories import (
    AgendaItemFactory,
    BallotFactory,
    DeputyFactory,
    MeetingFactory,
    MembershipFactory,
    VoteFactory,
)

pytestmark = pytest.mark.django_db

FOR, AGAINST, ABSTAINED, ABSENT = (
    BallotChoice.FOR,
    BallotChoice.AGAINST,
    BallotChoice.ABSTAINED,
    BallotChoice.ABSENT,
)
START = datetime.date(2020, 12, 1)


def at(year, month, day, hour=8):
    return datetime.datetime(year, month, day, hour, tzinfo=datetime.UTC)


@pytest.fixture
def term(convocation):
    """Six seats: Бойко, Мельник, Жук in «Зелені»; Коваль in «Сині» until 31 May 2024, then «Зелені»;
    Лисенко in «Сині» whose mandate ended on 15 April 2024; Гнатюк, his successor, from 2 May 2024."""
    green = PartyOrganizationFactory(name="Партія Зелених", party="Зелені", faction="Фракція «Зелені»")
    blue = PartyOrganizationFactory(name="Партія Синіх", party="Сині", faction="Фракція «Сині»")
    names = {
        "boiko": "Бойко Олександр Миколайович",
        "melnyk": "Мельник Ірина Степанівна",
        "zhuk": "Жук Андрій Петрович",
        "koval": "Коваль Олена Іванівна",
        "lysenko": "Лисенко Юрій Андрійович",
        "hnatiuk": "Гнатюк Павло Олегович",
    }
    people = {slug: DeputyFactory(slug=slug, full_name=name) for slug, name in names.items()}
    for slug in ("boiko", "melnyk", "zhuk"):
        MembershipFactory(deputy=people[slug], convocation=convocation, faction=green, start_date=START)
    MembershipFactory(
        deputy=people["koval"],
        convocation=convocation,
        faction=blue,
        start_date=START,
        end_date=datetime.date(2024, 5, 31),
    )
    MembershipFactory(
        deputy=people["koval"], convocation=convocation, faction=green, start_date=datetime.date(2024, 6, 1)
    )
    lysenko = people["lysenko"]
    lysenko.status, lysenko.mandate_ended_on = DeputyStatus.ENDED, datetime.date(2024, 4, 15)
    lysenko.mandate_end_reason = "склав повноваження"
    lysenko.save()
    MembershipFactory(
        deputy=lysenko,
        convocation=convocation,
        faction=blue,
        start_date=START,
        end_date=datetime.date(2024, 4, 15),
    )
    MembershipFactory(
        deputy=people["hnatiuk"], convocation=convocation, faction=blue, start_date=datetime.date(2024, 5, 2)
    )
    return {"green": green, "blue": blue, **people}


def session(convocation, when, number, **fields):
    return MeetingFactory(convocation=convocation, starts_at=when, number=number, **fields)


def vote_on(item, position, question, ballots, **fields):
    vote = VoteFactory(agenda_item=item, position=position, question=question, **fields)
    for deputy, choice in ballots.items():
        BallotFactory(vote=vote, deputy=deputy, choice=choice)
    recount(vote)
    return Vote.objects.get(pk=vote.pk)


def test_composition_follows_the_mandate_and_the_successor(term, convocation):
    p = term
    march = AgendaItemFactory(meeting=session(convocation, at(2024, 3, 14), 40))
    april = AgendaItemFactory(meeting=session(convocation, at(2024, 4, 25), 41))
    july = AgendaItemFactory(meeting=session(convocation, at(2024, 7, 4), 42))
    everyone = {p[k]: FOR for k in ("boiko", "melnyk", "zhuk", "koval")}
    assert (
        vote_on(march, 1, Question.WHOLE, everyone | {p["lysenko"]: FOR}).composition == 6
    )  # 5 and the mayor
    assert vote_on(april, 1, Question.WHOLE, everyone).composition == 5  # Лисенко gone, no successor yet
    assert vote_on(july, 1, Question.WHOLE, everyone | {p["hnatiuk"]: AGAINST}).composition == 6


def test_the_deputy_page_counts_attendance_within_the_mandate(client, term, convocation):
    p = term
    march = AgendaItemFactory(meeting=session(convocation, at(2024, 3, 14), 40))
    april = AgendaItemFactory(meeting=session(convocation, at(2024, 4, 25), 41))
    july = AgendaItemFactory(meeting=session(convocation, at(2024, 7, 4), 42))
    vote_on(march, 1, Question.WHOLE, {p["boiko"]: FOR, p["lysenko"]: ABSENT})
    vote_on(april, 1, Question.WHOLE, {p["boiko"]: FOR})
    vote_on(july, 1, Question.WHOLE, {p["boiko"]: FOR, p["hnatiuk"]: FOR})
    # Лисенко: one session within his mandate, missed; Гнатюк: one, attended; Жук: none recorded, all missed.
    page = client.get("/deputaty/lysenko/").content.decode()
    assert "повноваження припинено" in page.lower() or "припинен" in page
    assert "<td>0</td><td>1</td><td>0%</td>" in page.replace("\n", "")
    page = client.get("/deputaty/hnatiuk/").content.decode()
    assert "<td>1</td><td>1</td><td>100%</td>" in page.replace("\n", "")
    page = client.get("/deputaty/zhuk/").content.decode()
    assert "<td>0</td><td>3</td><td>0%</td>" in page.replace("\n", "")


def test_a_faction_switch_shows_both_factions_and_the_right_agreement(client, term, convocation):
    p = term
    spring = AgendaItemFactory(meeting=session(convocation, at(2024, 3, 14), 40))
    summer = AgendaItemFactory(meeting=session(convocation, at(2024, 7, 4), 42))
    # Spring: Коваль with the blue faction (Лисенко) against the greens; summer: with the greens.
    vote_on(
        spring,
        1,
        Question.WHOLE,
        {p["koval"]: AGAINST, p["lysenko"]: AGAINST, p["boiko"]: FOR, p["melnyk"]: FOR, p["zhuk"]: FOR},
    )
    vote_on(
        summer,
        1,
        Question.WHOLE,
        {p["koval"]: AGAINST, p["boiko"]: FOR, p["melnyk"]: FOR, p["zhuk"]: FOR, p["hnatiuk"]: FOR},
    )
    page = client.get("/deputaty/koval/").content.decode()
    assert "Партія Синіх" in page and "Партія Зелених" in page
    assert "50% голосувань (1 з 2)" in page


def test_two_votes_on_one_item_and_a_vote_without_quorum_on_the_meeting_page(client, term, convocation):
    p = term
    meeting = session(convocation, at(2024, 7, 4), 42)
    budget = AgendaItemFactory(meeting=meeting, number="1", title="Про бюджет громади на 2025 рік")
    all_six = {p[k]: FOR for k in ("boiko", "melnyk", "zhuk", "koval", "hnatiuk")}
    basis = vote_on(budget, 1, Question.BASIS, all_six)
    whole = vote_on(budget, 2, Question.WHOLE, {p["boiko"]: FOR, p["melnyk"]: FOR} | {p["zhuk"]: ABSENT})
    assert (basis.adopted, basis.quorum) == (True, True)
    assert (whole.adopted, whole.quorum, whole.composition) == (False, False, 6)  # 2 of 6 registered
    page = client.get(f"/zasidannia/{meeting.pk}/").content.decode()
    assert "За основу" in page and "В цілому" in page
    assert "немає кворуму" in page


def test_a_session_postponed_and_held_later(client, term, convocation):
    p = term
    meeting = session(
        convocation, at(2024, 9, 12), 43, status=MeetingStatus.POSTPONED, postponed_to=at(2024, 9, 19)
    )
    page = client.get(f"/zasidannia/{meeting.pk}/").content.decode()
    assert "Перенесено" in page and "19 вересня 2024" in page
    # Held on the 19th: the editor moves the date and marks it held; the votes are of that day.
    meeting.starts_at, meeting.postponed_to, meeting.status = at(2024, 9, 19), None, MeetingStatus.HELD
    meeting.full_clean()
    meeting.save()
    item = AgendaItemFactory(meeting=meeting)
    vote_on(item, 1, Question.WHOLE, {p["hnatiuk"]: FOR, p["boiko"]: FOR})
    page = client.get("/deputaty/hnatiuk/").content.decode()
    assert "19 вересня 2024" in page
    assert Membership.objects.filter(deputy=p["hnatiuk"]).count() == 1
    assert "Відбулося" in client.get(f"/zasidannia/{meeting.pk}/").content.decode()


def test_an_item_withdrawn_from_the_agenda_is_marked_on_the_page_and_in_the_feed(client, convocation):
    meeting = session(
        convocation, timezone.now() + datetime.timedelta(days=10), 44, status=MeetingStatus.ANNOUNCED
    )
    AgendaItemFactory(meeting=meeting, number="1", title="Про бюджет громади")
    AgendaItemFactory(meeting=meeting, number="2", title="Про продаж земельної ділянки", withdrawn=True)
    page = client.get(f"/zasidannia/{meeting.pk}/").content.decode()
    budget, land = page.index("Про бюджет громади"), page.index("Про продаж земельної ділянки")
    assert page.count("Знято з розгляду") == 1 and page.index("Знято з розгляду") > land > budget
    feed = client.get("/zasidannia/calendar.ics").content.decode().replace("\r\n ", "")
    assert "2. Про продаж земельної ділянки (знято з розгляду)" in feed
    assert "1. Про бюджет громади\\n" in feed


def test_an_item_withdrawn_from_the_agenda_has_no_decision(convocation, home_page):
    decision = f.ActPageFactory(parent=f.ActIndexPageFactory(parent=home_page), title="Рішення")
    item = AgendaItemFactory(
        meeting=session(convocation, at(2024, 3, 14), 40), decision=decision, withdrawn=True
    )
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert error.value.message_dict["withdrawn"] == ["Питання, зняте з розгляду, не має рішення."]


def test_a_withdrawn_item_is_marked_in_the_open_data_and_the_api(client, convocation):
    meeting = session(convocation, at(2024, 3, 14), 40)
    kept = AgendaItemFactory(meeting=meeting, number="1", title="Про бюджет громади")
    withdrawn = AgendaItemFactory(meeting=meeting, number="2", title="Про продаж ділянки", withdrawn=True)

    items = {
        item["id"]: item for item in json.loads(client.get("/opendata/agenda-items.json").getvalue())["items"]
    }
    assert (items[kept.pk]["withdrawn"], items[withdrawn.pk]["withdrawn"]) == (False, True)
    rows = csv.DictReader(
        io.StringIO(client.get("/opendata/agenda-items.csv").getvalue().decode("utf-8-sig"))
    )
    assert {row["id"]: row["withdrawn"] for row in rows} == {str(kept.pk): "false", str(withdrawn.pk): "true"}
    agenda = client.get(f"/api/v2/meetings/{meeting.pk}/").json()["agenda"]
    assert [(item["number"], item["withdrawn"]) for item in agenda] == [("1", False), ("2", True)]
