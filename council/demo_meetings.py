"""Demo meetings: three held sessions of the 7th convocation on the days the demo's decisions were adopted,
their agendas linking the drafts and the decisions, roll-call votes of all 34 deputies; one executive
committee meeting; and a session of the 8th convocation announced for the day the open drafts are to
be considered, so that the calendar has something coming.
"""

import dataclasses
import datetime
import random

from django.utils import timezone

from pages import models as pm
from pages.demo.base import SEED, Demo

from .kinds import BallotChoice, MeetingKind, MeetingStatus, Question
from .models import AgendaItem, Ballot, Convocation, Deputy, Meeting, Vote
from .tally import recount

PLACE = "Ніжинська міська рада, сесійна зала (площа Івана Франка, 1)"
EXECUTIVE_PLACE = "Ніжинська міська рада, мала зала"
SESSION_VIDEO = "Сесія міської ради: пряма трансляція"
EXECUTIVE_VIDEO = "Засідання виконавчого комітету"
#: The announced session of the 8th convocation.
COMING_SESSION = 52

#: Ballot weights (for, against, abstained, did not vote, absent): a question that passes and one that fails.
PASSES = [28, 1, 2, 1, 2]
FAILS = [12, 9, 7, 3, 3]


@dataclasses.dataclass(frozen=True)
class PlannedVote:
    question: str
    weights: list[int]
    description: str = ""


#: Per held session: its items after the decision's item (title, votes), and the decision's own votes.
DECISION_VOTES = {
    40: [PlannedVote(Question.BASIS, PASSES), PlannedVote(Question.WHOLE, PASSES)],
    41: [
        PlannedVote(Question.AMENDMENT, PASSES, "Поправка депутата Бойка О. М.: збільшити видатки на 5 %."),
        PlannedVote(Question.AMENDMENT, FAILS, "Поправка депутатки Гриценко Н. П.: вилучити пункт 3."),
        PlannedVote(Question.WHOLE, PASSES),
    ],
    42: [PlannedVote(Question.WHOLE, PASSES)],
}
OTHER_ITEMS = {
    40: (
        "Про звернення депутатів міської ради до Кабінету Міністрів України",
        [PlannedVote(Question.WHOLE, FAILS)],
    ),
    41: (
        "Про затвердження плану роботи міської ради на друге півріччя",
        [PlannedVote(Question.WHOLE, PASSES)],
    ),
    42: (
        "Про перейменування провулку Шевченка на провулок Пантелеймона Куліша",
        [PlannedVote(Question.BASIS, PASSES), PlannedVote(Question.WHOLE, FAILS)],
    ),
}


def at_ten(day: datetime.date) -> datetime.datetime:
    """10:00 in Kyiv on ``day``, when the council's sittings begin."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))


def ensure_meeting(report, *, kind, number, convocation, **fields) -> Meeting:
    meeting, created = Meeting.objects.get_or_create(
        kind=kind, number=number, convocation=convocation, defaults=fields
    )
    if created:
        report.created["засідань"] += 1
    return meeting


def ensure_item(report, meeting, *, number, **fields) -> AgendaItem:
    item, created = AgendaItem.objects.get_or_create(
        meeting=meeting, number=number, defaults={"sort_order": int(number), **fields}
    )
    if created:
        report.created["питань порядку денного"] += 1
    return item


def ensure_votes(report, item: AgendaItem, planned: list[PlannedVote], deputies: list[Deputy]) -> None:
    """The item's votes with one ballot per deputy drawn from a seed of the vote, each recounted."""
    choices = list(BallotChoice.values)
    for position, plan in enumerate(planned, start=1):
        vote, created = Vote.objects.get_or_create(
            agenda_item=item,
            position=position,
            defaults={
                "question": plan.question,
                "description": plan.description,
                "held_at": item.meeting.starts_at + datetime.timedelta(minutes=20 * position),
                "published_at": item.meeting.starts_at + datetime.timedelta(hours=6),
            },
        )
        if not created:
            continue
        rng = random.Random(f"{SEED}-{item.meeting.number}-{item.number}-{position}")
        Ballot.objects.bulk_create(
            Ballot(
                vote=vote, deputy=deputy, choice=rng.choices(choices, weights=plan.weights)[0], sort_order=n
            )
            for n, deputy in enumerate(deputies)
        )
        recount(vote)
        report.created["голосувань"] += 1


def council_decision(session: int):
    """The demo's first council decision of the ``session``-th session of the 7th convocation."""
    return (
        pm.ActPage.objects.live()
        .filter(act_type=pm.ActType.COUNCIL_DECISION, convocation=7, session=f"{session} сесія")
        .order_by("adopted_on", "pk")
        .first()
    )


def held_session(demo: Demo, *, number: int, convocation, deputies) -> None:
    decision = council_decision(number)
    if decision is None:  # the demo's acts were not built: nothing to hold a session on
        return
    protocol = demo.ensure_pdf(
        title=f"Протокол {number} сесії Ніжинської міської ради 7 скликання",
        paragraphs=[
            f"Пленарне засідання {number} сесії міської ради 7 скликання.",
            "Присутні: 32 депутати і міський голова. Порядок денний затверджено.",
        ],
    )
    meeting = ensure_meeting(
        demo.report,
        kind=MeetingKind.PLENARY,
        number=number,
        convocation=convocation,
        starts_at=at_ten(decision.adopted_on),
        place=PLACE,
        status=MeetingStatus.HELD,
        protocol=protocol,
        video=pm.VideoPage.objects.live().filter(title=SESSION_VIDEO).first() if number == 41 else None,
    )
    draft = pm.ActPage.objects.filter(adopted_as=decision).first()
    item = ensure_item(
        demo.report,
        meeting,
        number="1",
        title=decision.title,
        draft=draft,
        decision=decision,
        rapporteur="Начальник фінансового управління",
    )
    ensure_votes(demo.report, item, DECISION_VOTES[number], deputies)
    title, planned = OTHER_ITEMS[number]
    other = ensure_item(demo.report, meeting, number="2", title=title, rapporteur="Секретар міської ради")
    ensure_votes(demo.report, other, planned, deputies)


def executive_meeting(demo: Demo) -> None:
    decision = (
        pm.ActPage.objects.live()
        .filter(act_type=pm.ActType.EXECUTIVE_DECISION, session="засідання № 10")
        .first()
    )
    if decision is None:
        return
    meeting = ensure_meeting(
        demo.report,
        kind=MeetingKind.EXECUTIVE,
        number=10,
        convocation=None,
        starts_at=at_ten(decision.adopted_on),
        place=EXECUTIVE_PLACE,
        status=MeetingStatus.HELD,
        video=pm.VideoPage.objects.live().filter(title=EXECUTIVE_VIDEO).first(),
    )
    ensure_item(demo.report, meeting, number="1", title=decision.title, decision=decision)


def coming_session(demo: Demo, convocation: Convocation) -> None:
    """The next session, on the day the open drafts are to be considered, with them on its agenda."""
    drafts = list(
        pm.ActPage.objects.live()
        .filter(status=pm.ActStatus.DRAFT, planned_consideration_on__gte=demo.today, adopted_as__isnull=True)
        .order_by("planned_consideration_on", "pk")
    )
    day = drafts[-1].planned_consideration_on if drafts else demo.today + datetime.timedelta(days=40)
    meeting = ensure_meeting(
        demo.report,
        kind=MeetingKind.PLENARY,
        number=COMING_SESSION,
        convocation=convocation,
        starts_at=at_ten(day),
        place=PLACE,
        status=MeetingStatus.ANNOUNCED,
    )
    for number, draft in enumerate(drafts, start=1):
        ensure_item(demo.report, meeting, number=str(number), title=draft.title, draft=draft)


def add_demo_meetings(*, user, convocations, deputies, report) -> None:
    """The demo's sessions and meetings, their agendas and votes (see the module's docstring)."""
    demo = Demo(user=user, log=lambda line: None, report=report)
    for number in DECISION_VOTES:
        held_session(demo, number=number, convocation=convocations[7], deputies=deputies)
    executive_meeting(demo)
    coming_session(demo, convocations[8])
