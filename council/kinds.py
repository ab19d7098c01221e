"""The council's lists of kinds, declared once: a deputy's status and roles in a commission."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DeputyStatus(models.TextChoices):
    ACTING = "acting", _("acting")
    ENDED = "ended", _("mandate ended")


class CommissionRole(models.TextChoices):
    CHAIR = "chair", _("chair")
    DEPUTY_CHAIR = "deputy_chair", _("deputy chair")
    SECRETARY = "secretary", _("secretary")
    MEMBER = "member", _("member")


class MeetingKind(models.TextChoices):
    PLENARY = "plenary", _("council session")
    EXECUTIVE = "executive", _("executive committee meeting")
    COMMISSION = "commission", _("standing commission meeting")


class MeetingStatus(models.TextChoices):
    ANNOUNCED = "announced", _("announced")
    HELD = "held", _("held")
    POSTPONED = "postponed", _("postponed")


class Question(models.TextChoices):
    """What a vote on an agenda item decides: a decision may take several votes."""

    AGENDA = "agenda", _("inclusion in the agenda")
    BASIS = "basis", _("as a basis")
    AMENDMENT = "amendment", _("amendment")
    WHOLE = "whole", _("as a whole")
    PROCEDURAL = "procedural", _("procedural")


class Majority(models.TextChoices):
    """The votes a question needs, counted against the council's total composition on the day."""

    HALF = "half", _("more than half of the total composition")
    TWO_THIRDS = "two_thirds", _("two thirds of the total composition")


class BallotChoice(models.TextChoices):
    """A deputy's ballot in a roll-call vote; «absent» is a deputy not registered at the sitting."""

    FOR = "for", _("For")
    AGAINST = "against", _("Against")
    ABSTAINED = "abstained", _("Abstained")
    DID_NOT_VOTE = "did_not_vote", _("Did not vote")
    ABSENT = "absent", _("Absent")


class VoteResult(models.TextChoices):
    """A roll-call vote's result as open data states it (undecided while the composition is unknown)."""

    ADOPTED = "adopted", _("adopted")
    NOT_ADOPTED = "not_adopted", _("not adopted")

    @classmethod
    def of(cls, adopted: bool | None) -> str | None:
        """The result's code for a vote's stored ``adopted`` (None: not decided)."""
        if adopted is None:
            return None
        return cls.ADOPTED if adopted else cls.NOT_ADOPTED
