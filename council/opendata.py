"""Open data of the council: deputies, meetings, agenda items and every deputy's ballot in every vote.

Registered with ``reports.opendata`` from ``CouncilConfig.ready`` (reports imports no app above it),
so they are served, streamed and made spreadsheet-safe at ``/opendata/deputies.{csv,json}``,
``/opendata/sessions.{csv,json}``, ``/opendata/agenda-items.{csv,json}`` and
``/opendata/votes.{csv,json}`` like every other dataset, and listed on /opendata/.

Rows are read with ``values()`` and ``iterator(chunk_size=…)``; what a row needs from a many-valued
relation (a deputy's convocations, an item's initiators) is fetched per chunk, so memory does not
grow with the number of rows. The ballots' dataset is in ``council.opendata_votes``.
"""

import os
from collections.abc import Callable, Iterator
from pathlib import Path

from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from cms.bulk import chunked
from pages.models import ActPage, VideoPage
from reports import opendata as catalogue
from reports.opendata import Dataset, deleted_at, is_published, latest_of, page_url_builder, pages_updated

from .kinds import (
    BallotChoice,
    CommissionRole,
    DeputyStatus,
    MeetingKind,
    MeetingStatus,
    Question,
    VoteResult,
)
from .links import deputy_url, meeting_url
from .models import AgendaItem, Ballot, CommissionMembership, Deputy, Meeting, Membership, Vote
from .opendata_votes import ballot_rows

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"


def chunk_size() -> int:
    """The catalogue's chunk size, read at call time (a test may make it small)."""
    return catalogue.CHUNK_SIZE


def site_url_builder() -> Callable[[str], str]:
    """A function from a site path («/deputaty/x/») to an absolute URL on the default site."""
    site = Site.objects.filter(is_default_site=True).first()
    root = site.root_url if site else ""
    return lambda path: f"{root}{path}"


def meeting_url_builder() -> Callable[[int], str | None]:
    """Absolute URLs of the public meeting pages; None for every meeting while there are none."""
    absolute = site_url_builder()

    def url(pk: int) -> str | None:
        path = meeting_url(pk)
        return absolute(path) if path else None

    return url


def latest(model):
    """The latest save of ``model``'s records, or deletion of one in the admin (logged by Wagtail)."""
    return latest_of(model.objects.aggregate(latest=Max("updated_at"))["latest"], deleted_at(model))


def _running_on(day) -> Q:
    return Q(start_date__lte=day) & (Q(end_date__isnull=True) | Q(end_date__gte=day))


def deputy_rows() -> Iterator[dict]:
    """Deputies by id, with convocations, the faction and commission seats held today."""
    absolute = site_url_builder()
    today = timezone.localdate()
    queryset = Deputy.objects.order_by("pk").values(
        "pk",
        "slug",
        "full_name",
        "status",
        "mandate_ended_on",
        "mandate_end_reason",
        "electoral_district",
        "phone",
        "email",
        "reception_hours",
    )
    size = chunk_size()
    for chunk in chunked(queryset.iterator(chunk_size=size), size):
        pks = [row["pk"] for row in chunk]
        convocations: dict[int, list[str]] = {}
        for deputy_id, number in (
            Membership.objects.filter(deputy_id__in=pks)
            .order_by("convocation__number")
            .values_list("deputy_id", "convocation__number")
            .distinct()
        ):
            convocations.setdefault(deputy_id, []).append(str(number))
        factions = dict(
            Membership.objects.filter(_running_on(today), deputy_id__in=pks, faction__isnull=False)
            .order_by("start_date", "pk")
            .values_list("deputy_id", "faction__name")
        )  # the latest running membership wins
        seats: dict[int, list[str]] = {}
        for deputy_id, commission, role in (
            CommissionMembership.objects.filter(_running_on(today), deputy_id__in=pks, commission__live=True)
            .order_by("commission__title", "pk")
            .values_list("deputy_id", "commission__title", "role")
        ):
            seats.setdefault(deputy_id, []).append(f"{commission} ({CommissionRole(role).label})")
        for row in chunk:
            pk = row.pop("pk")
            yield {
                "id": pk,
                "url": absolute(deputy_url(row.pop("slug"))),
                **row,
                "convocations": convocations.get(pk, []),
                "faction": factions.get(pk),
                "commissions": seats.get(pk, []),
            }


def session_rows() -> Iterator[dict]:
    """Every meeting (plenary sessions, executive committee and commission meetings) by id."""
    meeting_url = meeting_url_builder()
    page_url = page_url_builder()
    absolute = site_url_builder()
    queryset = (
        Meeting.objects.order_by("pk")
        .annotate(video_published=is_published("video_id"))
        .values(
            "pk",
            "kind",
            "number",
            "convocation__number",
            "commission__title",
            "title",
            "starts_at",
            "place",
            "status",
            "postponed_to",
            "protocol_id",
            "protocol__file",
            "video__url_path",
            "video_published",
        )
    )
    for row in queryset.iterator(chunk_size=chunk_size()):
        protocol = None
        if row["protocol_id"]:
            filename = os.path.basename(row["protocol__file"])
            protocol = absolute(reverse("wagtaildocs_serve", args=[row["protocol_id"], filename]))
        yield {
            "id": row["pk"],
            "url": meeting_url(row["pk"]),
            "kind": row["kind"],
            "number": row["number"],
            "convocation": row["convocation__number"],
            "commission": row["commission__title"],
            "title": row["title"],
            "starts_at": row["starts_at"],
            "place": row["place"],
            "status": row["status"],
            "postponed_to": row["postponed_to"],
            "protocol_url": protocol,
            "video_url": page_url(row["video__url_path"]) if row["video_published"] else None,
        }


def agenda_item_rows() -> Iterator[dict]:
    """Agenda items by id, each with its meeting, the draft and decision (published acts) and initiators."""
    page_url = page_url_builder()
    through = AgendaItem.initiators.through
    queryset = (
        AgendaItem.objects.order_by("pk")
        .annotate(draft_published=is_published("draft_id"), decision_published=is_published("decision_id"))
        .values(
            "pk",
            "meeting_id",
            "sort_order",
            "number",
            "title",
            "rapporteur",
            "withdrawn",
            "draft_id",
            "draft_published",
            "draft__url_path",
            "decision_id",
            "decision_published",
            "decision__url_path",
        )
    )
    size = chunk_size()
    for chunk in chunked(queryset.iterator(chunk_size=size), size):
        initiators: dict[int, list[str]] = {}
        for item_id, name in (
            through.objects.filter(agendaitem_id__in=[row["pk"] for row in chunk])
            .order_by("deputy__full_name")
            .values_list("agendaitem_id", "deputy__full_name")
        ):
            initiators.setdefault(item_id, []).append(name)
        for row in chunk:
            draft_live, decision_live = row["draft_published"], row["decision_published"]
            yield {
                "id": row["pk"],
                "meeting_id": row["meeting_id"],
                "position": (row["sort_order"] or 0) + 1,
                "number": row["number"],
                "title": row["title"],
                "rapporteur": row["rapporteur"],
                "draft_id": row["draft_id"] if draft_live else None,
                "draft_url": page_url(row["draft__url_path"]) if draft_live else None,
                "decision_id": row["decision_id"] if decision_live else None,
                "decision_url": page_url(row["decision__url_path"]) if decision_live else None,
                "initiators": initiators.get(row["pk"], []),
                "withdrawn": row["withdrawn"],
            }


DATASETS = [
    Dataset(
        "deputies",
        _(
            "Deputies of the city council: convocations, the faction and the standing commissions they "
            "belong to today, the electoral district, the mandate's status and the contacts they publish."
        ),
        deputy_rows,
        lambda: Deputy.objects.count(),
        lambda: latest(Deputy),
        {"status": DeputyStatus},
        schema_dir=SCHEMA_DIR,
    ),
    Dataset(
        "sessions",
        _(
            "Plenary sessions of the city council, meetings of the executive committee and of the standing "
            "commissions: number, convocation, date and time, place, status, protocol and video."
        ),
        session_rows,
        lambda: Meeting.objects.count(),
        lambda: latest_of(latest(Meeting), pages_updated(VideoPage)),
        {"kind": MeetingKind, "status": MeetingStatus},
        schema_dir=SCHEMA_DIR,
    ),
    Dataset(
        "agenda-items",
        _(
            "The agendas of the meetings: each question in its order, the draft decision it considers, the "
            "decision adopted, the rapporteur and the deputies who initiated it."
        ),
        agenda_item_rows,
        lambda: AgendaItem.objects.count(),
        # An item removed from its meeting's form saves the meeting; a draft or decision unpublished hides.
        lambda: latest_of(latest(AgendaItem), latest(Meeting), pages_updated(ActPage)),
        schema_dir=SCHEMA_DIR,
    ),
    Dataset(
        "votes",
        _(
            "Roll-call votes: one row per deputy per vote, with the meeting, the agenda item, the question "
            "put to the vote, the deputy's faction on the day of the vote, the ballot and the result."
        ),
        ballot_rows,
        lambda: Ballot.objects.count(),
        lambda: latest_of(
            Vote.objects.aggregate(latest=Max("published_at"))["latest"],
            deleted_at(Vote),
            deleted_at(Meeting),
            latest(Deputy),
        ),
        {"question": Question, "ballot": BallotChoice, "result": VoteResult},
        schema_dir=SCHEMA_DIR,
    ),
]
