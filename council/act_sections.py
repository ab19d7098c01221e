"""The roll-call votes section of an act's page, from the council's records: registered with ``cms.sections``.

pages does not know the council: the act page prints ``{% page_sections page %}`` and this section
adds, for each vote taken on an agenda item that considered the act (as its decision or its draft),
the ballots (each matched deputy linked to his or her page, the others by the name as recorded),
the stored tally, the composition, the quorum, the result and the meeting. Two queries whatever the
number of votes and ballots, one for an act nobody voted on.
"""

from collections import defaultdict

from django.db.models import Q
from django.template.loader import render_to_string

from pages.models import ActPage

from .kinds import BallotChoice
from .links import deputy_url, meeting_url
from .models import Ballot, Vote
from .tally import COUNT_FIELDS

#: The columns the section shows of a vote and of its meeting (a fixed, short SELECT).
VOTE_FIELDS = (
    "agenda_item__meeting__kind",
    "agenda_item__meeting__number",
    "agenda_item__meeting__starts_at",
    "question",
    "description",
    "composition",
    "quorum",
    "adopted",
    *COUNT_FIELDS.values(),
)


def act_votes(act: ActPage) -> list[Vote]:
    """The votes on the agenda items that considered ``act``, in the order taken.

    ``vote.roll`` holds the ballots in the protocol's order as ``(name, url, choice, label)``: the
    deputy's name and page where the ballot is matched to a deputy, the name as recorded otherwise.
    Plain rows rather than ballot and deputy instances: a table of 34 rows is read in one query and
    shown without building 68 model instances.
    """
    votes = list(
        Vote.objects.filter(Q(agenda_item__decision=act) | Q(agenda_item__draft=act))
        .select_related("agenda_item__meeting")
        .only(*VOTE_FIELDS)
        .order_by("agenda_item__meeting__starts_at", "agenda_item__sort_order", "position", "pk")
    )
    if not votes:
        return votes
    labels = {value: str(label) for value, label in BallotChoice.choices}
    rolls = defaultdict(list)
    ballots = (
        Ballot.objects.filter(vote__in=[vote.pk for vote in votes])
        .order_by("sort_order", "pk")
        .values_list("vote_id", "choice", "recorded_name", "deputy__full_name", "deputy__slug")
    )
    for vote_id, choice, recorded_name, full_name, slug in ballots:
        url = deputy_url(slug) if slug else ""
        rolls[vote_id].append((full_name or recorded_name, url, choice, labels.get(choice, choice)))
    for vote in votes:
        vote.roll = rolls[vote.pk]
    return votes


def totals(vote: Vote) -> list[tuple[str, int]]:
    """(label, count) per ballot choice, in the order of the choices, from the stored tally."""
    return [(BallotChoice(choice).label, getattr(vote, field)) for choice, field in COUNT_FIELDS.items()]


def act_votes_section(page, request) -> str:
    if not isinstance(page, ActPage):
        return ""
    votes = act_votes(page)
    if not votes:
        return ""
    rows = []
    for vote in votes:
        meeting = vote.agenda_item.meeting
        rows.append(
            {"vote": vote, "meeting": meeting, "meeting_url": meeting_url(meeting.pk), "totals": totals(vote)}
        )
    return render_to_string("council/act_votes.html", {"votes": rows}, request=request)
