"""load_demo shows the council: 34 deputies in five factions, commission seats, sessions with votes."""

import io

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.utils.html import escape
from wagtail import hooks

from council.demo import DEMO_HOOK, add_demo_council, demo_deputy_names
from council.kinds import MeetingKind, MeetingStatus, Question
from council.models import (
    AgendaItem,
    Ballot,
    CommissionMembership,
    Convocation,
    Deputy,
    Meeting,
    Membership,
    Vote,
)
from pages.demo.base import Report
from tests.support.demo import ReadsTheLoadedDemo

pytestmark = pytest.mark.django_db


def council_counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            Convocation,
            Deputy,
            Membership,
            CommissionMembership,
            Meeting,
            AgendaItem,
            Vote,
            Ballot,
        )
    }


def load():
    call_command("load_demo", admin_user="admin", admin_password="demo-password-1", stdout=io.StringIO())


def test_the_demo_council_is_registered_with_load_demo():
    assert add_demo_council in hooks.get_hooks(DEMO_HOOK)


def test_the_demo_names_34_distinct_deputies():
    names = demo_deputy_names()
    assert len(names) == len(set(names)) == 34


def test_the_demo_council_alone_is_added_once(home_page, commission):
    report = Report()
    add_demo_council(home=home_page, user=None, report=report)
    first = council_counts()
    add_demo_council(home=home_page, user=None, report=report)
    assert council_counts() == first
    assert report.created["депутатів"] == Deputy.objects.count() == 34
    assert list(Convocation.objects.values_list("number", flat=True)) == [8, 7]
    sizes = (
        Membership.objects.filter(convocation__number=8)
        .values("faction")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .values_list("n", flat=True)
    )
    assert list(sizes) == [11, 8, 7, 5, 3]
    # Without the demo's acts there are no sessions to hold, but the coming one is announced.
    assert Meeting.objects.get().status == MeetingStatus.ANNOUNCED


def faction_sizes(number):
    rows = (
        Membership.objects.filter(convocation__number=number).values("faction__party").annotate(n=Count("pk"))
    )
    return {row["faction__party"]: row["n"] for row in rows}


def test_each_demo_convocation_has_its_own_parties(home_page, commission):
    add_demo_council(home=home_page, user=None, report=Report())
    assert faction_sizes(7) == {
        "БПП «Солідарність»": 10,
        "Батьківщина": 7,
        "Наш край": 7,
        "Опозиційний блок": 5,
        "УКРОП": 5,
    }
    assert faction_sizes(8) == {
        "Слуга народу": 11,
        "Європейська солідарність": 8,
        "Батьківщина": 7,
        "За майбутнє": 5,
        "Пропозиція": 3,
    }
    # Seated apart: the 7th's factions are not the 8th's renamed.
    seats = {
        deputy: dict(
            Membership.objects.filter(deputy=deputy).values_list("convocation__number", "faction__party")
        )
        for deputy in Deputy.objects.all()
    }
    together = {(seat[7], seat[8]) for seat in seats.values()}
    assert len(together) > 5


class TestTheLoadedDemo(ReadsTheLoadedDemo):
    """The tests that read the demo, on one ``load_demo`` for them all."""

    def test_load_demo_twice_creates_nothing_the_second_time(self, demo):
        first = council_counts()
        assert first["Meeting"] == 5 and first["Vote"] == 10 and first["Ballot"] == 10 * 34
        load()
        assert council_counts() == first

    def test_the_demo_sessions_link_acts_and_have_recounted_votes(self, demo):
        held = Meeting.objects.filter(kind=MeetingKind.PLENARY, status=MeetingStatus.HELD).order_by("number")
        assert [m.number for m in held] == [40, 41, 42]
        assert all(m.convocation.number == 7 and m.protocol for m in held)
        for meeting in held:
            item = meeting.agenda_items.get(number="1")
            assert item.decision.session == f"{meeting.number} сесія"
            assert item.draft is None or item.draft.adopted_as_id == item.decision_id
            assert item.decision.adopted_on == meeting.starts_at.date()
            assert (
                meeting.agenda_items.count() == 2
                and Vote.objects.filter(agenda_item__meeting=meeting).exists()
            )
        assert held[0].agenda_items.get(number="1").draft is not None
        questions = {
            m.number: list(
                Vote.objects.filter(agenda_item__meeting=m, agenda_item__number="1").values_list(
                    "question", flat=True
                )
            )
            for m in held
        }
        assert questions == {
            40: [Question.BASIS, Question.WHOLE],
            41: [Question.AMENDMENT, Question.AMENDMENT, Question.WHOLE],
            42: [Question.WHOLE],
        }
        for vote in Vote.objects.all():
            assert vote.ballots.count() == 34 and vote.composition == 35
            assert (
                vote.for_count
                + vote.against_count
                + vote.abstained_count
                + vote.not_voted_count
                + vote.absent_count
                == 34
            )
        assert {True, False} == set(Vote.objects.values_list("adopted", flat=True))
        assert Meeting.objects.filter(kind=MeetingKind.EXECUTIVE, status=MeetingStatus.HELD).count() == 1

    def test_load_demo_shows_the_calendar_and_a_session(self, client, demo):
        coming = Meeting.objects.get(status=MeetingStatus.ANNOUNCED)
        assert coming.convocation.number == 8 and coming.agenda_items.filter(draft__isnull=False).count() == 2
        html = client.get("/zasidannia/").content.decode()
        calendar = html.split('id="archive-heading"')[0]
        assert "№ 52" in calendar
        session = Meeting.objects.get(number=41, kind=MeetingKind.PLENARY)
        page = client.get(f"/zasidannia/{session.pk}/").content.decode()
        assert escape(session.agenda_items.get(number="1").decision.title) in page and "Поправка" in page
        assert "/zasidannia/calendar.ics" in html
        assert f"/zasidannia/{coming.pk}/" in client.get("/zasidannia/calendar.ics").content.decode()

    def test_load_demo_shows_the_deputies_in_factions_with_their_commissions(self, client, demo):
        html = client.get("/deputaty/").content.decode()
        assert "8 скликання" in html and "Бойко Олександр Миколайович" in html and "Слуга народу" in html
        assert "34 депутати" in html
        seat = CommissionMembership.objects.filter(role="chair").select_related("deputy").first()
        assert seat is not None
        page = client.get(f"/deputaty/{seat.deputy.slug}/").content.decode()
        assert escape(seat.commission.title) in page and "голова" in page
        assert CommissionMembership.objects.filter(role="secretary").count() == 3

    def test_the_demo_ballots_of_the_7th_convocation_carry_its_factions(self, demo):
        parties = set(Ballot.objects.values_list("faction__party", flat=True).distinct())
        assert parties == {"БПП «Солідарність»", "Батьківщина", "Наш край", "Опозиційний блок", "УКРОП"}

    def test_an_older_demo_with_the_8th_parties_in_the_7th_is_set_right(self, demo):
        """A database loaded by the earlier demo: the 7th convocation's memberships in the 8th's parties."""
        eighth = dict(Membership.objects.filter(convocation__number=8).values_list("deputy", "faction"))
        for membership in Membership.objects.filter(convocation__number=7):
            membership.faction_id = eighth[membership.deputy_id]
            membership.save()
        assert "Слуга народу" in set(Ballot.objects.values_list("faction__party", flat=True))
        load()
        assert faction_sizes(7)["УКРОП"] == 5
        parties = set(Ballot.objects.values_list("faction__party", flat=True).distinct())
        assert "Слуга народу" not in parties and "УКРОП" in parties
