from .meetings import AgendaItem, Meeting
from .people import CommissionMembership, Convocation, Deputy, Membership, check_period
from .votes import Ballot, Vote

__all__ = [
    "AgendaItem",
    "Ballot",
    "CommissionMembership",
    "Convocation",
    "Deputy",
    "Meeting",
    "Membership",
    "Vote",
    "check_period",
]
