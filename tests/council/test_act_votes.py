"""The act page shows its roll-call votes from the council's records, in queries that do not grow."""

import datetime
import zoneinfo

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from council.kinds import BallotChoice, MeetingKind, Question
from council.links import meeting_url
from council.publications import vote_publications
from council.tally import recount
from tests import factories as f

from .factories import (
    AgendaItemFactory,
    BallotFactory,
    DeputyFactory,
    MeetingFactory,
    MembershipFactory,
    VoteFactory,
)

pytestmark = pytest.mark.django_db
KYIV = zoneinfo.ZoneInfo("Europe/Kyiv")


@pytest.fixture
def index(home_page):
    return f.ActIndexPageFactory(parent=home_page)


def votes_section(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser").find("section", class_="votes")


def decision_vote(act, *, convocation=None, **fields):
    meeting = MeetingFactory(
        number=12, starts_at=datetime.datetime(2024, 3, 1, 10, tzinfo=KYIV), convocation=convocation
    )
    item = AgendaItemFactory(meeting=meeting, decision=act, title=act.title)
    return VoteFactory(agenda_item=item, position=1, **fields)


def test_the_act_page_lists_each_ballot_the_totals_and_the_result(client, index, convocation):
    act = f.ActPageFactory(parent=index)
    boiko = DeputyFactory(full_name="Бойко Олександр Миколайович", slug="boiko")
    melnyk = DeputyFactory(full_name="Мельник Ірина Степанівна", slug="melnyk")
    for deputy in (boiko, melnyk, DeputyFactory()):
        MembershipFactory(deputy=deputy, convocation=convocation)
    vote = decision_vote(act, convocation=convocation)
    BallotFactory(vote=vote, deputy=boiko, recorded_name="Бойко О. М.", sort_order=0)
    BallotFactory(vote=vote, deputy=melnyk, sort_order=1)
    BallotFactory(
        vote=vote, deputy=None, recorded_name="Лисенко Ю. А.", choice=BallotChoice.AGAINST, sort_order=2
    )
    BallotFactory(
        vote=vote, deputy=None, recorded_name="Жук А. О.", choice=BallotChoice.ABSTAINED, sort_order=3
    )
    recount(vote)

    section = votes_section(client, act)
    assert section.h2.text == "Поіменне голосування"
    assert section.h3.text == "В цілому"
    assert section.find("caption").text.startswith("Як голосував кожен депутат")
    assert [th.get("scope") for th in section.thead.find_all("th")] == ["col", "col"]
    rows = [
        (row.th.text, row.th.a["href"] if row.th.a else None, row.td.text)
        for row in section.tbody.find_all("tr")
    ]
    assert rows == [
        ("Бойко Олександр Миколайович", "/deputaty/boiko/", "За"),
        ("Мельник Ірина Степанівна", "/deputaty/melnyk/", "За"),
        ("Лисенко Ю. А.", None, "Проти"),
        ("Жук А. О.", None, "Утримався"),
    ]
    assert section.find("td", class_="vote--against") is not None
    totals = [" ".join(li.get_text(" ").split()) for li in section.select(".vote-totals li")]
    assert totals == ["За 2", "Проти 1", "Утримався 1", "Не голосував 0", "Відсутній 0"]
    result = " ".join(section.find("dl").get_text(" ").split())
    # 3 deputies and the mayor: 4 members, 4 registered, 2 «for» of the 3 needed.
    assert "Загальний склад ради 4" in result and "Кворум є" in result and "Результат не прийнято" in result
    assert "Сесія міської ради № 12, 01.03.2024" in section.find("p", class_="vote-record__meeting").text


def test_several_votes_show_in_the_order_taken_with_their_descriptions(client, index):
    act = f.ActPageFactory(parent=index)
    whole = decision_vote(act)
    amendment = VoteFactory(
        agenda_item=whole.agenda_item, position=0, question=Question.AMENDMENT, description="Поправка Бойка"
    )
    for vote in (whole, amendment):
        BallotFactory(vote=vote, deputy=None, recorded_name="Бойко О. М.")
    headings = [h3.text for h3 in votes_section(client, act).find_all("h3")]
    assert headings == ["Поправка: Поправка Бойка", "В цілому"]
    assert "не визначено" in votes_section(client, act).text  # no convocation: no composition


def test_a_draft_page_shows_the_votes_on_the_item_that_considered_it(client, index):
    draft = f.ActPageFactory(parent=index, act_type="draft_decision", adopted_on=None)
    item = AgendaItemFactory(draft=draft)
    BallotFactory(vote=VoteFactory(agenda_item=item), recorded_name="Бойко О. М.", deputy=None)
    assert votes_section(client, draft) is not None


def test_an_act_without_votes_has_no_section(client, index):
    assert votes_section(client, f.ActPageFactory(parent=index)) is None


@pytest.mark.urls("tests.council.meeting_urls")
def test_the_meeting_links_its_page_where_there_is_one():
    meeting = MeetingFactory()
    assert meeting_url(meeting.pk) == f"/zasidannia/{meeting.pk}/"


@pytest.fixture
def act_with_votes(index):
    def build(votes, ballots):
        act = f.ActPageFactory(parent=index)
        item = AgendaItemFactory(decision=act, meeting__convocation=None)
        for position in range(votes):
            vote = VoteFactory(agenda_item=item, position=position)
            for _ in range(ballots):
                BallotFactory(vote=vote)
            BallotFactory(vote=vote, deputy=None, recorded_name="Не знайдений Н. Н.")
        return act

    return build


def count_queries(client, url):
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_act_page_queries_do_not_grow_with_votes_and_ballots(client, act_with_votes):
    small = count_queries(client, act_with_votes(1, 2).url)
    large = count_queries(client, act_with_votes(3, 12).url)
    assert small == large


def test_vote_publications_are_read_as_kyiv_days_for_the_plenary_decisions(index):
    act, other = f.ActPageFactory(parent=index), f.ActPageFactory(parent=index)
    vote = decision_vote(act, published_at=datetime.datetime(2024, 3, 1, 22, 30, tzinfo=datetime.UTC))
    VoteFactory(
        agenda_item=vote.agenda_item,
        position=2,
        held_at=datetime.datetime(2024, 3, 1, 23, 30, tzinfo=datetime.UTC),  # 2 March in Kyiv
        published_at=None,
    )
    AgendaItemFactory(meeting__kind=MeetingKind.EXECUTIVE, decision=other)
    VoteFactory(agenda_item=other.agenda_items_as_decision.get())
    found = vote_publications([act.pk, other.pk])
    assert found == {
        act.pk: [(datetime.date(2024, 3, 1), datetime.date(2024, 3, 2)), (datetime.date(2024, 3, 2), None)]
    }
