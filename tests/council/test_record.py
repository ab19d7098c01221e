"""A deputy's record on the page: attendance, votes with filters, the faction's majority, initiatives."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from council import record
from council.kinds import BallotChoice
from council.models import Vote
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


@pytest.fixture
def council(convocation):
    green, blue = PartyOrganizationFactory(name="Зелена партія"), PartyOrganizationFactory(name="Синя партія")
    people = {
        slug: DeputyFactory(full_name=name, slug=slug)
        for slug, name in [
            ("boiko", "Бойко Олександр Миколайович"),
            ("melnyk", "Мельник Ірина Степанівна"),
            ("zhuk", "Жук Андрій Олексійович"),
            ("koval", "Коваль Петро Іванович"),
        ]
    }
    for slug in ("boiko", "melnyk", "zhuk"):
        MembershipFactory(deputy=people[slug], convocation=convocation, faction=green)
    MembershipFactory(deputy=people["koval"], convocation=convocation, faction=blue)
    return {"convocation": convocation, "green": green, "blue": blue, **people}


def day(year, month, number):
    return datetime.datetime(year, month, number, 10, 0, tzinfo=datetime.UTC)


def vote_on(meeting, ballots, *, adopted=True, decision=None, title="Про бюджет"):
    item = AgendaItemFactory(meeting=meeting, title=title, decision=decision)
    vote = VoteFactory(agenda_item=item, adopted=adopted, for_count=sum(c == FOR for c in ballots.values()))
    for deputy, choice in ballots.items():
        BallotFactory(vote=vote, deputy=deputy, choice=choice)
    recount(vote)  # stores each ballot's faction and agreement, as every writer of ballots does
    Vote.objects.filter(pk=vote.pk).update(adopted=adopted)  # the result the test states
    return vote


def page(client, deputy, **query):
    response = client.get(reverse("council:deputy_detail", args=[deputy.slug]), query)
    assert response.status_code == 200
    return response.content.decode()


def test_attendance_counts_sessions_with_a_roll_call_by_the_chosen_rule(council):
    boiko, melnyk = council["boiko"], council["melnyk"]
    conv = council["convocation"]
    attended = MeetingFactory(convocation=conv, starts_at=day(2024, 3, 1))
    vote_on(attended, {boiko: ABSENT, melnyk: FOR})
    vote_on(attended, {boiko: FOR, melnyk: FOR})  # registered for the second vote: present
    absent_listed = MeetingFactory(convocation=conv, starts_at=day(2024, 4, 1))
    vote_on(absent_listed, {boiko: ABSENT, melnyk: FOR})
    absent_unlisted = MeetingFactory(convocation=conv, starts_at=day(2025, 1, 15))
    vote_on(absent_unlisted, {melnyk: FOR})  # a member that day without a ballot: absent
    MeetingFactory(convocation=conv, starts_at=day(2025, 2, 1))  # no roll-call recorded: not counted
    before = MeetingFactory(
        convocation=conv, starts_at=datetime.datetime(2020, 11, 20, 10, tzinfo=datetime.UTC)
    )
    vote_on(before, {melnyk: FOR})  # before his mandate: not counted
    rows = record.attendance(boiko)
    assert [(r.meeting.pk, r.present) for r in rows] == [
        (absent_unlisted.pk, False),
        (absent_listed.pk, False),
        (attended.pk, True),
    ]
    assert [r.meeting.label for r in rows] == [str(absent_unlisted), str(absent_listed), str(attended)]
    years = record.attendance_by_year(rows)
    assert [(y.year, y.present, y.total, y.percent) for y in years] == [(2025, 0, 1, 0), (2024, 1, 2, 50)]


def test_the_page_shows_attendance_votes_and_links(client, council, home_page):
    boiko = council["boiko"]
    index = f.ActIndexPageFactory(parent=home_page)
    decision = f.ActPageFactory(parent=index, title="Рішення про бюджет")
    meeting = MeetingFactory(convocation=council["convocation"], number=42, starts_at=day(2024, 3, 1))
    vote_on(meeting, {boiko: AGAINST, council["melnyk"]: FOR}, decision=decision, title="Про бюджет громади")
    html = page(client, boiko)
    assert (
        'id="attendance-by-year"' in html
        and '<th scope="row">2024</th><td>1</td><td>1</td><td>100%</td>' in html
    )
    assert decision.url in html and "Про бюджет громади" in html
    assert 'class="vote vote--against">Проти<' in html and "прийнято" in html
    assert 'class="table-wrap" tabindex="0" role="region"' in html


def test_votes_are_filtered_by_result_and_by_the_deputys_choice(client, council):
    boiko, melnyk = council["boiko"], council["melnyk"]
    meeting = MeetingFactory(convocation=council["convocation"])
    vote_on(meeting, {boiko: FOR, melnyk: FOR}, adopted=True, title="Прийняте за")
    vote_on(meeting, {boiko: AGAINST, melnyk: FOR}, adopted=True, title="Прийняте проти")
    vote_on(meeting, {boiko: FOR, melnyk: AGAINST}, adopted=False, title="Відхилене за")
    html = page(client, boiko, result="not_adopted")
    assert "Відхилене за" in html and "Прийняте" not in html
    html = page(client, boiko, result="adopted", choice="for")
    assert "Прийняте за" in html and "Прийняте проти" not in html and "Відхилене" not in html
    assert "1 голосування" in html or "1 голос" in html


@pytest.mark.parametrize(
    "query",
    [{"result": "maybe"}, {"choice": "\x00"}, {"choice": "x" * 500}, {"page": "abc"}, {"page": "99999"}],
)
def test_a_bad_parameter_is_a_notice_never_a_500(client, council, query):
    vote_on(MeetingFactory(convocation=council["convocation"]), {council["boiko"]: FOR})
    html = page(client, council["boiko"], **query)
    assert 'class="notice"' in html


def test_with_the_faction_counts_the_majority_of_members_that_day(council, convocation):
    boiko, melnyk, zhuk, koval = (council[k] for k in ("boiko", "melnyk", "zhuk", "koval"))
    meeting = MeetingFactory(convocation=convocation, starts_at=day(2024, 3, 1))
    vote_on(meeting, {boiko: FOR, melnyk: FOR, zhuk: AGAINST, koval: AGAINST})  # with (2 of 3)
    vote_on(meeting, {boiko: FOR, melnyk: AGAINST, zhuk: AGAINST, koval: FOR})  # against the majority
    vote_on(meeting, {boiko: FOR, melnyk: AGAINST, zhuk: ABSENT, koval: FOR})  # a tie: not counted
    vote_on(meeting, {boiko: ABSENT, melnyk: FOR, zhuk: FOR})  # he was absent: not counted
    vote_on(meeting, {boiko: ABSTAINED, melnyk: ABSTAINED, zhuk: ABSENT, koval: FOR})  # with
    agreement = record.with_faction(boiko)
    assert (agreement.agreed, agreement.counted, agreement.percent) == (2, 3, 67)


def test_with_the_faction_follows_a_change_of_faction(council, convocation):
    """Koval joins the green faction on 1 June: from then on its majority is his yardstick."""
    boiko, melnyk, koval = council["boiko"], council["melnyk"], council["koval"]
    koval.memberships.update(end_date=datetime.date(2024, 5, 31))
    MembershipFactory(
        deputy=koval, convocation=convocation, faction=council["green"], start_date=datetime.date(2024, 6, 1)
    )
    spring = MeetingFactory(convocation=convocation, starts_at=day(2024, 3, 1))
    vote_on(spring, {koval: FOR, boiko: AGAINST, melnyk: AGAINST})  # alone in the blue faction: with it
    summer = MeetingFactory(convocation=convocation, starts_at=day(2024, 7, 1))
    vote_on(summer, {koval: FOR, boiko: AGAINST, melnyk: AGAINST})  # green's majority is «against»
    assert (record.with_faction(koval).agreed, record.with_faction(koval).counted) == (1, 2)


def test_initiated_decisions_are_listed(client, council):
    item = AgendaItemFactory(
        meeting=MeetingFactory(convocation=council["convocation"]), title="Про сквер на Гоголя"
    )
    item.initiators.add(council["boiko"])
    item.initiators.commit()  # a parental many-to-many is written when committed
    assert "Про сквер на Гоголя" in page(client, council["boiko"])
    assert "Про сквер на Гоголя" not in page(client, council["melnyk"])


def count_queries(client, deputy, **query):
    page(client, deputy, **query)  # warm: the site and settings caches
    with CaptureQueriesContext(connection) as queries:
        page(client, deputy, **query)
    return len(queries)


def add_meetings(council, count, start, acts):
    """``count`` sessions of two votes each; the first item of each has its decision published."""
    people = [council[k] for k in ("boiko", "melnyk", "zhuk", "koval")]
    for n in range(start, start + count):
        meeting = MeetingFactory(
            convocation=council["convocation"], starts_at=day(2022 + n % 3, 1 + n % 12, 1 + n % 27)
        )
        for position in range(2):
            decision = f.ActPageFactory(parent=acts, title=f"Рішення {n}") if position == 0 else None
            choices = {p: [FOR, AGAINST, ABSENT][(n + i + position) % 3] for i, p in enumerate(people)}
            vote = vote_on(meeting, choices, decision=decision)
            vote.agenda_item.initiators.add(council["boiko"])
            vote.agenda_item.initiators.commit()


@pytest.mark.parametrize("query", [{}, {"result": "adopted", "choice": "for"}])
def test_the_record_queries_do_not_grow_with_meetings_and_votes(client, council, home_page, query):
    acts = f.ActIndexPageFactory(parent=home_page)
    add_meetings(council, 2, 0, acts)
    small = count_queries(client, council["boiko"], **query)
    add_meetings(council, 18, 2, acts)
    assert count_queries(client, council["boiko"], **query) == small


def test_a_fellow_counts_in_the_faction_only_from_the_day_he_joins(council, convocation):
    boiko, melnyk, koval = council["boiko"], council["melnyk"], council["koval"]
    koval.memberships.update(end_date=datetime.date(2024, 5, 31))
    MembershipFactory(
        deputy=koval, convocation=convocation, faction=council["green"], start_date=datetime.date(2024, 6, 1)
    )
    spring = MeetingFactory(convocation=convocation, starts_at=day(2024, 3, 1))
    vote_on(
        spring, {boiko: FOR, melnyk: AGAINST, koval: AGAINST}
    )  # green splits 1:1 (Koval is blue): not counted
    summer = MeetingFactory(convocation=convocation, starts_at=day(2024, 7, 1))
    vote_on(summer, {boiko: FOR, melnyk: AGAINST, koval: FOR})  # green 2:1 for: with the majority
    agreement = record.with_faction(boiko)
    assert (agreement.agreed, agreement.counted) == (1, 1)
