"""The council's open data: deputies, sessions, agenda items and ballots, streamed, schema-valid, safe."""

import csv
import datetime
import gc
import io
import json
import tracemalloc

import jsonschema
import pytest
from wagtail.models import PageViewRestriction

from council.kinds import BallotChoice, CommissionRole, DeputyStatus, MeetingKind, MeetingStatus, Question
from council.models import Ballot, Deputy, Vote
from council.tally import recount
from reports.opendata import columns, committed_schema, item_properties, load_schema
from tests import factories as f
from tests.registry.factories import PartyOrganizationFactory

from .factories import (
    AgendaItemFactory,
    BallotFactory,
    CommissionMembershipFactory,
    DeputyFactory,
    MeetingFactory,
    MembershipFactory,
    VoteFactory,
)

pytestmark = pytest.mark.django_db
DATASETS = ["deputies", "sessions", "agenda-items", "votes"]
UTC = datetime.UTC


def streamed(response) -> str:
    assert response.status_code == 200 and response.streaming
    return b"".join(response.streaming_content).decode("utf-8-sig")  # the CSV opens with a BOM


def items_of(client, name) -> list[dict]:
    return json.loads(streamed(client.get(f"/opendata/{name}.json")))["items"]


def validator(name):
    return jsonschema.Draft202012Validator(load_schema(name), format_checker=jsonschema.FormatChecker())


@pytest.fixture
def council(home_page, convocation, commission):
    """Two factions; Бойко moves from the green to the blue one on 10 March 2024; one session, two votes."""
    green = PartyOrganizationFactory(name="Зелена партія")
    blue = PartyOrganizationFactory(name="Синя партія")
    boiko = DeputyFactory(full_name="Бойко Олександр Миколайович", slug="boiko", phone="04631 2 00 00")
    melnyk = DeputyFactory(full_name='=HYPERLINK("http://x.example")', slug="melnyk")
    MembershipFactory(
        deputy=boiko, convocation=convocation, faction=green, end_date=datetime.date(2024, 3, 9)
    )
    MembershipFactory(
        deputy=boiko, convocation=convocation, faction=blue, start_date=datetime.date(2024, 3, 10)
    )
    MembershipFactory(deputy=melnyk, convocation=convocation, faction=blue)
    CommissionMembershipFactory(deputy=boiko, commission=commission, role=CommissionRole.CHAIR)
    index = f.ActIndexPageFactory(parent=home_page)
    draft = f.ActPageFactory(parent=index, title="Проєкт рішення про бюджет")
    meeting = MeetingFactory(
        convocation=convocation, number=41, starts_at=datetime.datetime(2024, 3, 5, 8, 0, tzinfo=UTC)
    )
    MeetingFactory(
        kind=MeetingKind.COMMISSION,
        commission=commission,
        number=None,
        convocation=None,
        status=MeetingStatus.ANNOUNCED,
        starts_at=datetime.datetime(2024, 4, 1, 12, 0, tzinfo=UTC),
    )
    item = AgendaItemFactory(meeting=meeting, number="1", title="Про бюджет", draft=draft)
    item.initiators.add(boiko)
    item.initiators.commit()  # a parental many-to-many is held in memory until committed
    before = VoteFactory(
        agenda_item=item, question=Question.BASIS, held_at=datetime.datetime(2024, 3, 5, 9, 0, tzinfo=UTC)
    )
    after = VoteFactory(
        agenda_item=item, question=Question.WHOLE, held_at=datetime.datetime(2024, 3, 20, 9, 0, tzinfo=UTC)
    )
    for vote in (before, after):
        BallotFactory(vote=vote, deputy=boiko, choice=BallotChoice.FOR)
        BallotFactory(vote=vote, deputy=melnyk, choice=BallotChoice.AGAINST)
        BallotFactory(vote=vote, deputy=None, recorded_name="Незнайомий І. І.", choice=BallotChoice.ABSENT)
        recount(vote)
    return {"boiko": boiko, "melnyk": melnyk, "meeting": meeting, "item": item, "draft": draft}


@pytest.mark.parametrize("name", DATASETS)
def test_committed_schemas_are_valid_and_spell_no_codes(name):
    jsonschema.Draft202012Validator.check_schema(load_schema(name))
    assert '"enum"' not in json.dumps(committed_schema(name))


@pytest.mark.parametrize("name", DATASETS)
def test_json_export_validates_against_its_served_schema(client, council, name):
    document = json.loads(streamed(client.get(f"/opendata/{name}.json")))
    schema = client.get(f"/opendata/schemas/{name}.schema.json").json()
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(document)
    assert document["items"] and document["dataset"] == name


@pytest.mark.parametrize("name", DATASETS)
def test_csv_export_has_the_schema_columns(client, council, name):
    rows = list(csv.DictReader(io.StringIO(streamed(client.get(f"/opendata/{name}.csv")), newline="")))
    assert rows and list(rows[0]) == columns(name)


@pytest.mark.parametrize("name", DATASETS)
def test_empty_dataset_is_valid_json(client, db, name):
    document = json.loads(streamed(client.get(f"/opendata/{name}.json")))
    validator(name).validate(document)
    assert document["items"] == []


@pytest.mark.parametrize(
    ("name", "column", "kinds"),
    [
        ("deputies", "status", DeputyStatus),
        ("sessions", "kind", MeetingKind),
        ("sessions", "status", MeetingStatus),
        ("votes", "question", Question),
        ("votes", "ballot", BallotChoice),
    ],
)
def test_served_schema_lists_the_codes_from_the_council_kinds(name, column, kinds):
    assert item_properties(load_schema(name))[column]["enum"][: len(kinds.values)] == kinds.values


def test_votes_name_the_faction_of_the_day_for_a_deputy_who_changed_faction(client, council):
    rows = [row for row in items_of(client, "votes") if row["deputy_id"] == council["boiko"].pk]
    by_question = {row["question"]: row for row in rows}
    assert by_question["basis"]["faction"] == "Зелена партія" and by_question["basis"]["day"] == "2024-03-05"
    assert by_question["whole"]["faction"] == "Синя партія" and by_question["whole"]["day"] == "2024-03-20"
    assert by_question["whole"]["deputy_name"] == "Бойко Олександр Миколайович"
    assert by_question["whole"]["ballot"] == "for"
    assert by_question["whole"]["meeting_id"] == council["meeting"].pk


def test_votes_keep_an_unmatched_name_and_state_the_result(client, council):
    rows = items_of(client, "votes")
    stranger = next(row for row in rows if row["deputy_id"] is None)
    assert stranger["deputy_name"] == "Незнайомий І. І." and stranger["faction"] is None
    # 2 deputies and the mayor: 1 «for» of 3 is no majority, and the sitting had a quorum (2 of 3).
    assert {row["result"] for row in rows} == {"not_adopted"}
    assert len(rows) == Ballot.objects.count() == 6
    assert [row["id"] for row in rows] == sorted(row["id"] for row in rows)


def test_deputies_export_links_pages_and_lists_today_s_faction_and_commissions(client, council):
    boiko = next(row for row in items_of(client, "deputies") if row["id"] == council["boiko"].pk)
    assert boiko["url"] == "http://localhost/deputaty/boiko/"
    assert boiko["faction"] == "Синя партія" and boiko["convocations"] == ["8"]
    assert boiko["commissions"] == ["Комісія з питань бюджету (голова)"]
    assert boiko["phone"] == "04631 2 00 00"


def test_a_name_a_spreadsheet_would_run_is_exported_as_text(client, council):
    csv_text = streamed(client.get("/opendata/deputies.csv"))
    assert "'=HYPERLINK" in csv_text and ',"=HYPERLINK' not in csv_text
    names = {row["deputy_name"] for row in items_of(client, "votes")}
    assert '\'=HYPERLINK("http://x.example")' in names


def test_sessions_export_every_kind_of_meeting(client, council):
    rows = {row["kind"]: row for row in items_of(client, "sessions")}
    plenary, commission = rows["plenary"], rows["commission"]
    assert plenary["number"] == 41 and plenary["convocation"] == 8 and plenary["status"] == "held"
    assert plenary["starts_at"] == "2024-03-05T10:00:00+02:00"  # 08:00 UTC, written in Kyiv's time
    assert commission["commission"] == "Комісія з питань бюджету" and commission["number"] is None


def test_agenda_items_link_the_live_draft_and_name_initiators(client, council):
    [item] = items_of(client, "agenda-items")
    assert item["draft_id"] == council["draft"].pk and item["draft_url"] == council["draft"].full_url
    assert item["decision_id"] is None and item["initiators"] == ["Бойко Олександр Миколайович"]
    assert item["meeting_id"] == council["meeting"].pk and item["position"] == 1


@pytest.mark.parametrize("on_section", [False, True], ids=["on the draft", "on its section"])
def test_a_private_draft_is_neither_linked_in_open_data_nor_in_the_api(client, council, on_section):
    """A draft behind a login (itself or its section) is live but not public: no id, no address."""
    draft = council["draft"]
    PageViewRestriction.objects.create(
        page=draft.get_parent() if on_section else draft, restriction_type=PageViewRestriction.LOGIN
    )
    [item] = items_of(client, "agenda-items")
    assert (item["draft_id"], item["draft_url"]) == (None, None)
    agenda = client.get(f"/api/v2/meetings/{council['meeting'].pk}/").json()["agenda"]
    assert [entry["draft"] for entry in agenda] == [None]


def test_the_api_names_a_public_draft_on_the_agenda(client, council):
    agenda = client.get(f"/api/v2/meetings/{council['meeting'].pk}/").json()["agenda"]
    assert [(entry["draft"], entry["decision"]) for entry in agenda] == [(council["draft"].pk, None)]


def test_open_data_page_lists_the_council_datasets_in_ukrainian(client, council):
    html = client.get("/opendata/").content.decode()
    for name in DATASETS:
        assert f"{name}.csv" in html and f"{name}.schema.json" in html
    assert "Поіменні голосування депутатів" in html and "Депутати Ніжинської міської ради" in html
    assert "один рядок на кожного депутата" in html
    names = {d["name"] for d in client.get("/opendata/index.json").json()["datasets"]}
    assert set(DATASETS) <= names


def test_each_council_dataset_gives_its_last_change(client, council):
    datasets = {d["name"]: d for d in client.get("/opendata/index.json").json()["datasets"]}
    for name in ("deputies", "sessions", "agenda-items"):  # the votes': their latest publication
        assert datasets[name]["updated"], name
    deputy = Deputy.objects.order_by("pk").first()
    before = datasets["deputies"]["updated"]
    deputy.phone = "+380 4631 7-12-34"
    deputy.save()
    after = client.get("/opendata/index.json").json()["datasets"]
    assert next(d["updated"] for d in after if d["name"] == "deputies") > before


def ballots(n_votes: int, deputies: list) -> None:
    """``n_votes`` votes on one item, each with a ballot of every deputy (bulk: fast at any size)."""
    item = AgendaItemFactory()
    start = Vote.objects.count()
    votes = Vote.objects.bulk_create(
        Vote(agenda_item=item, position=start + i + 1, held_at=item.meeting.starts_at) for i in range(n_votes)
    )
    Ballot.objects.bulk_create(
        Ballot(vote=vote, deputy=deputy, choice=BallotChoice.FOR, sort_order=i)
        for vote in votes
        for i, deputy in enumerate(deputies)
    )


def peak_while_streaming(client, url) -> int:
    """The peak of memory allocated while a streamed export is read chunk by chunk and thrown away."""
    gc.collect()
    tracemalloc.start()
    try:
        response = client.get(url)
        assert response.streaming
        for _chunk in response.streaming_content:
            pass
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_votes_export_streams_in_memory_that_does_not_grow_with_the_rows(client, db, monkeypatch):
    monkeypatch.setattr("reports.opendata.CHUNK_SIZE", 100)
    deputies = [DeputyFactory() for _ in range(20)]
    ballots(10, deputies)  # 200 rows
    peak_warm = peak_while_streaming(client, "/opendata/votes.csv")  # imports, caches: warm-up
    small = peak_while_streaming(client, "/opendata/votes.csv")
    ballots(90, deputies)  # 2,000 rows
    large = peak_while_streaming(client, "/opendata/votes.csv")
    assert Ballot.objects.count() == 2000
    # Ten times the rows: were they held in memory, the peak would grow about tenfold.
    print(f"peak while streaming: {small} B at 200 rows, {large} B at 2,000 rows")
    assert large < small * 1.5, (peak_warm, small, large)
