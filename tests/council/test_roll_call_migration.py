"""The data migration that turns the acts' roll-call rows into sessions, votes and ballots, run for real.

Each test migrates the database back to before ``council.0003`` (``pages.ActVote`` still there),
writes roll-call rows with the historical models, migrates forwards (and back), and reads the result
with the live models.
"""

import datetime
import zoneinfo

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from council.models import AgendaItem, Ballot, Meeting, Vote
from tests import factories as f

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [("council", "0002_meetings_and_votes"), ("pages", "0008_act_links_restrict")]
KYIV = zoneinfo.ZoneInfo("Europe/Kyiv")
PUBLISHED = datetime.datetime(2021, 3, 4, 16, 30, tzinfo=KYIV)


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.fixture
def old_apps():
    """The historical apps before the migration; the database is migrated back to the latest afterwards."""
    apps = migrate(BEFORE)
    yield apps
    migrate(latest())


@pytest.fixture
def acts(old_apps, home_page):
    index = f.ActIndexPageFactory(parent=home_page)
    day = datetime.date(2021, 3, 4)
    return [
        f.ActPageFactory(parent=index, title="Про програму 0", adopted_on=day, first_published_at=PUBLISHED),
        f.ActPageFactory(parent=index, title="Про програму 1", adopted_on=day),
        f.ActPageFactory(parent=index, title="Про бюджет", adopted_on=datetime.date(2019, 5, 6)),
    ]


@pytest.fixture
def council_of_2020(old_apps):
    """The 8th convocation from December 2020: two deputies, so a composition of 3 with the mayor."""
    convocation = old_apps.get_model("council", "Convocation").objects.create(
        number=8, start_date=datetime.date(2020, 12, 1)
    )
    Deputy = old_apps.get_model("council", "Deputy")
    deputies = {
        "boiko": Deputy.objects.create(full_name="Бойко Олександр Миколайович", slug="boiko"),
        "demianenko": Deputy.objects.create(full_name="Дем'яненко Олена Петрівна", slug="demianenko"),
    }
    for deputy in deputies.values():
        old_apps.get_model("council", "Membership").objects.create(
            deputy=deputy, convocation=convocation, start_date=datetime.date(2020, 12, 1)
        )
    return deputies


def roll_call(old_apps, act, rows):
    ActVote = old_apps.get_model("pages", "ActVote")
    for order, (name, choice) in enumerate(rows):
        ActVote.objects.create(act_id=act.pk, deputy=name, vote=choice, sort_order=order)


def test_rows_become_a_held_session_an_item_a_vote_and_ballots(old_apps, acts, council_of_2020, capsys):
    first, second, old = acts
    roll_call(old_apps, first, [("Бойко О. М.", "for"), ("Дем’яненко Олена Петрівна", "for")])
    roll_call(old_apps, second, [("бойко о.м.", "against"), ("Жук А.", "abstained")])
    roll_call(old_apps, old, [("Бойко О.М.", "did_not_vote")])

    migrate(latest())

    sessions = list(Meeting.objects.order_by("starts_at"))
    assert [(m.kind, m.status, m.starts_at) for m in sessions] == [
        ("plenary", "held", datetime.datetime(2019, 5, 6, 10, tzinfo=KYIV)),
        ("plenary", "held", datetime.datetime(2021, 3, 4, 10, tzinfo=KYIV)),
    ]
    assert sessions[0].convocation is None and sessions[1].convocation.number == 8
    items = AgendaItem.objects.filter(meeting=sessions[1]).order_by("sort_order")
    assert [(i.title, i.decision_id) for i in items] == [
        ("Про програму 0", first.pk),
        ("Про програму 1", second.pk),
    ]
    vote = Vote.objects.get(agenda_item__decision=first)
    assert (vote.question, vote.position, vote.published_at) == ("whole", 1, PUBLISHED)
    ballots = list(vote.ballots.order_by("sort_order").values_list("deputy__slug", "recorded_name", "choice"))
    assert ballots == [("boiko", "Бойко О. М.", "for"), ("demianenko", "Дем’яненко Олена Петрівна", "for")]
    assert (vote.for_count, vote.composition, vote.quorum, vote.adopted) == (2, 3, True, True)
    rejected = Vote.objects.get(agenda_item__decision=second)
    assert (rejected.against_count, rejected.abstained_count, rejected.adopted) == (1, 1, False)
    assert Ballot.objects.get(recorded_name="Жук А.").deputy is None
    unknown = Vote.objects.get(agenda_item__decision=old)
    assert (unknown.not_voted_count, unknown.composition, unknown.adopted) == (1, None, None)

    out = capsys.readouterr().out
    assert "rows of 3 acts moved to ballots: 5" in out and "matched to deputies: 4" in out
    assert "unmatched: 1" in out and "«Жук А.»" in out and "link_deputies" in out


def test_one_deputy_twice_in_a_table_is_linked_once(old_apps, acts, council_of_2020):
    roll_call(old_apps, acts[0], [("Бойко О. М.", "for"), ("Бойко Олександр Миколайович", "for")])
    migrate(latest())
    assert list(Ballot.objects.order_by("sort_order").values_list("deputy__slug", flat=True)) == [
        "boiko",
        None,
    ]


def test_migrating_back_restores_the_rows_and_forwards_again_makes_no_duplicates(
    old_apps, acts, council_of_2020
):
    rows = [("Бойко О. М.", "for"), ("Жук А.", "against")]
    roll_call(old_apps, acts[0], rows)
    migrate(latest())

    apps = migrate(BEFORE)
    restored = apps.get_model("pages", "ActVote").objects.order_by("sort_order")
    assert [(r.act_id, r.deputy, r.vote) for r in restored] == [
        (acts[0].pk, name, vote) for name, vote in rows
    ]

    migrate(latest())
    assert (Meeting.objects.count(), AgendaItem.objects.count(), Vote.objects.count()) == (1, 1, 1)
    assert Ballot.objects.count() == 2
