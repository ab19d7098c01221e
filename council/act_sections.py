"""The roll-call votes section of an act's page, from the council's records: registered with ``cms.sections``.

pages does not know the council: the act page prints ``{% page_sections page %}`` and this section
adds, for each vote taken on an agenda item that considered the act (as its decision or its draft),
the ballots (each matched deputy linked to his or her page, the others by the name as recorded),
the stored tally, the composition, the quorum, the result and the meeting. Two queries whatever the
number of votes and ballots.
"""

from django.db.models import Prefetch, Q
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse

from pages.models import ActPage

from .kinds import BallotChoice
from .models import Ballot, Meeting, Vote
from .tally import COUNT_FIELDS


def act_votes(act: ActPage) -> list[Vote]:
    """The votes on the agenda items that considered ``act``, in the order taken, ballots in ``vote.roll``."""
    ballots = Ballot.objects.select_related("deputy").order_by("sort_order", "pk")
    return list(
        Vote.objects.filter(Q(agenda_item__decision=act) | Q(agenda_item__draft=act))
        .select_related("agenda_item__meeting")
        .prefetch_related(Prefetch("ballots", queryset=ballots, to_attr="roll"))
        .order_by("agenda_item__meeting__starts_at", "agenda_item__sort_order", "position", "pk")
    )


def meeting_url(meeting: Meeting) -> str:
    """The meeting's public page, where the site has meeting pages; otherwise no link."""
    try:
        return reverse("council:meeting_detail", args=[meeting.pk])
    except NoReverseMatch:
        return ""


def totals(vote: Vote) -> list[tuple[str, int]]:
    """(label, count) per ballot choice, in the order of the choices, from the stored tally."""
    return [(BallotChoice(choice).label, getattr(vote, field)) for choice, field in COUNT_FIELDS.items()]


def act_votes_section(page, request) -> str:
    if not isinstance(page, ActPage):
        return ""
    votes = act_votes(page)
    if not votes:
        return ""
    urls = {}
    rows = []
    for vote in votes:
        meeting = vote.agenda_item.meeting
        if meeting.pk not in urls:
            urls[meeting.pk] = meeting_url(meeting)
        rows.append(
            {"vote": vote, "meeting": meeting, "meeting_url": urls[meeting.pk], "totals": totals(vote)}
        )
    return render_to_string("council/act_votes.html", {"votes": rows}, request=request)
