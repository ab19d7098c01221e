"""Publication deadlines and the working-day calendar, as data with the dates they are in force.

This module holds no arithmetic: ``reports.deadlines`` reads it. A project can replace the
rules with ``settings.REPORTS_DEADLINE_RULES`` (a list of :class:`DeadlineRule`, or the dotted path
of one) and the calendar with ``settings.REPORTS_CALENDAR`` (a dict merged over :data:`CALENDAR`).

A rule version applies to an item when the item's *anchor* date (the event the deadline is
counted from: the planned consideration, the adoption, the publication) falls within
``[in_force_from, in_force_until]``: old content is judged by the rule of its day.
"""

import datetime
from dataclasses import dataclass, field, replace

from django.utils.translation import gettext_lazy as _

from pages.models import ActStage, ActType

# How a rule compares the measured date with the anchor date.
PUBLISH_BEFORE = "publish_before"  # measured <= anchor - amount   ("at least N before")
PUBLISH_WITHIN = "publish_within"  # measured <= anchor + amount   ("within N after")
LASTS_AT_LEAST = "lasts_at_least"  # measured >= anchor + amount   ("open for at least N")

WORKING_DAYS = "working_days"
MONTHS = "months"


@dataclass(frozen=True)
class DeadlineRule:
    """One version of a legal deadline, in force for anchors between two dates (inclusive).

    The acts it judges: every act type at ``stage`` (an ``ActStage``; each type's stage is declared
    with the type in ``pages.models.kinds``, so a new type is judged as its stage says), and the
    ``act_types`` it names, for a law that concerns one kind of act only.

    A ``per_vote`` rule judges each roll-call vote on the act instead (``reports.roll_calls``): the
    vote's publication day against the day of the vote; the act's result is its worst vote's. An act
    with no vote is judged as unpublished from the act's ``anchor``.
    """

    code: str
    title: str
    source: str
    anchor: str
    measured: str
    kind: str
    amount: int
    stage: str = ""
    act_types: tuple[str, ...] = ()
    unit: str = WORKING_DAYS
    in_force_from: datetime.date | None = None
    in_force_until: datetime.date | None = None
    per_vote: bool = False
    extra: dict = field(default_factory=dict)

    def covers(self, act_type: str) -> bool:
        """Whether acts of ``act_type`` are judged by this rule (stages read now, not at import)."""
        return act_type in self.act_types or (bool(self.stage) and act_type in ActType.of_stage(self.stage))

    def in_force_on(self, day: datetime.date) -> bool:
        return (self.in_force_from is None or self.in_force_from <= day) and (
            self.in_force_until is None or day <= self.in_force_until
        )


# Law No. 890-IX of 15 September 2020 (BVR 2020, No. 51, Art. 486), Art. 1: in Art. 15 part 3 of the
# Law "On access to public information" «за 20 робочих днів» becomes «за 10 робочих днів»; Art. 2: in
# force from the day after its publication (Голос України, 9 October 2020), i.e. 10 October 2020.
LAW_890_IX_IN_FORCE = datetime.date(2020, 10, 10)

# Art. 59 part 3 as amended on 26 November 2015: roll-call results «на офіційному веб-сайті ради
# розміщуються в день голосування»; published in Голос України on 23 December 2015, in force two
# months after publication.
ROLL_CALL_IN_FORCE = datetime.date(2016, 2, 23)

DRAFT_20_DAYS = DeadlineRule(
    code="draft_before_consideration",
    title=_("Draft published at least 20 working days before its consideration"),
    source="Закон України «Про доступ до публічної інформації» № 2939-VI, ст. 15 ч. 3 "
    "(редакція до Закону № 890-IX від 15.09.2020)",
    stage=ActStage.DRAFT,
    anchor="planned_consideration_on",
    measured="date",
    kind=PUBLISH_BEFORE,
    amount=20,
    in_force_until=LAW_890_IX_IN_FORCE - datetime.timedelta(days=1),
)

RULES = [
    DRAFT_20_DAYS,
    replace(
        DRAFT_20_DAYS,
        title=_("Draft published at least 10 working days before its consideration"),
        source="Закон України «Про доступ до публічної інформації» № 2939-VI, ст. 15 ч. 3 "
        "(в редакції Закону № 890-IX від 15.09.2020, чинний з 10.10.2020)",
        amount=10,
        in_force_from=LAW_890_IX_IN_FORCE,
        in_force_until=None,
    ),
    DeadlineRule(
        code="adopted_act_published",
        title=_("Adopted act published within 5 working days of adoption"),
        source="Закон України «Про доступ до публічної інформації» № 2939-VI, ст. 15 ч. 2",
        stage=ActStage.ADOPTED,
        anchor="adopted_on",
        measured="date",
        kind=PUBLISH_WITHIN,
        amount=5,
    ),
    DeadlineRule(
        code="regulatory_comment_period",
        title=_("Regulatory act draft open for comments for at least one month"),
        source="Закон України «Про засади державної регуляторної політики у сфері господарської "
        "діяльності» № 1160-IV, ст. 13",
        act_types=(ActType.REGULATORY_DRAFT,),
        anchor="date",
        measured="discussion_until",
        kind=LASTS_AT_LEAST,
        amount=1,
        unit=MONTHS,
    ),
    DeadlineRule(
        code="roll_call_published",
        title=_("Roll-call vote results published on the day of the vote"),
        source="Закон України «Про місцеве самоврядування в Україні» № 280/97-ВР, ст. 59 ч. 3 (в редакції "
        "Закону від 26.11.2015 щодо поіменних голосувань, чинний з 23.02.2016)",
        # Art. 59 concerns the votes of the council itself.
        act_types=(ActType.COUNCIL_DECISION,),
        # Each vote's result is due on the day of the vote; a decision without votes, on its adoption.
        anchor="adopted_on",
        measured="published_on",
        kind=PUBLISH_WITHIN,
        amount=0,
        per_vote=True,
        in_force_from=ROLL_CALL_IN_FORCE,
    ),
]

# The working-day calendar. Weekends and the public holidays of the `holidays` library (Labour Code,
# Art. 73; with the Cabinet's transfers of working days) are days off, except that under martial law
# public holidays are working days: Law "On the legal regime of martial law" and Law No. 2136-IX of
# 15.03.2022 suspend Art. 73 of the Labour Code. Martial law was declared from 24 February 2022
# (Presidential Decree No. 64/2022); `holidays` itself drops the holidays only from 15 March 2022
# (the date of Law 2136-IX) and files the suspended ones under its WORKDAY category, so the engine
# reads both categories and applies its own `martial_law_from`/`martial_law_until`: when martial law
# ends, setting `martial_law_until` brings the holidays back without waiting for a library release.
CALENDAR = {
    "country": "UA",
    "martial_law_from": datetime.date(2022, 2, 24),
    "martial_law_until": None,
    "extra_days_off": (),
    "extra_working_days": (),
    "warn_within_working_days": 3,
}
