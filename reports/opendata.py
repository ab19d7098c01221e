"""Open data: acts, commission documents and the registry of organisations, as datasets.

Rows are read with ``values()`` and ``iterator(chunk_size=…)`` and written as they come
(``reports.opendata_formats``), so a full export streams in constant memory whatever the size of the
archive. The columns of each dataset are the properties of its committed JSON Schema
(``reports/schemas/<name>.schema.json``), in that order. A column holding the code of a kind (act type,
status…) names its kind class in :data:`DATASETS`: the served schema lists the codes from that class,
the one place they are declared, so the committed files never spell them.
"""

import copy
import datetime
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, Max, OuterRef, Q
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail.models import ModelLogEntry, Page, PageLogEntry, Site, get_page_models

from cms.bulk import chunked
from pages.models import (
    ActPage,
    ActStatus,
    ActType,
    CommissionDocumentPage,
    CommissionDocumentType,
    CommissionPage,
)
from registry.models import LegalForm, Organization, OrganizationKind, RegistrationStatus

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"
CHUNK_SIZE = 2000


@cache
def committed_schema(name: str) -> dict:
    """The JSON Schema of dataset ``name`` as committed (without the codes of its kind columns)."""
    schema_dir = DATASETS[name].schema_dir or SCHEMA_DIR
    return json.loads((schema_dir / f"{name}.schema.json").read_text(encoding="utf-8"))


def item_properties(schema: dict) -> dict:
    """The properties of one record of a dataset's schema: its columns, in order."""
    return schema["properties"]["items"]["items"]["properties"]


def load_schema(name: str) -> dict:
    """The schema as served: the committed one, each kind column's ``enum`` read from its kind class now."""
    schema = copy.deepcopy(committed_schema(name))
    properties = item_properties(schema)
    for column, kinds in DATASETS[name].kinds.items():
        nullable = "null" in properties[column].get("type", [])
        properties[column]["enum"] = list(kinds.values) + ([None] if nullable else [])
    return schema


def columns(name: str) -> list[str]:
    return list(item_properties(committed_schema(name)))


def page_url_builder():
    """A function from a page's ``url_path`` to its absolute URL on the default site (no query per row)."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return lambda url_path: None
    root_path, root_url = site.root_page.url_path, site.root_url

    def build(url_path: str) -> str | None:
        if not url_path.startswith(root_path):
            return None
        return f"{root_url}/{url_path[len(root_path) :]}"

    return build


def published(model):
    """The pages of ``model`` that anyone may read: live, and outside every private section.

    A page restricted to logged-in users, to groups or by a password (itself or through an ancestor)
    is live but not public: the site asks for a login or a password, so open data must not show it.
    """
    return model.objects.live().public()


def is_published(field: str) -> Exists:
    """Whether the page a row's ``field`` (a page id) names is ``published``, as a subquery to annotate."""
    return Exists(published(Page).filter(pk=OuterRef(field)))


def act_rows() -> Iterator[dict]:
    """Public live acts, oldest first."""
    url = page_url_builder()
    queryset = (
        published(ActPage)
        .order_by("pk")
        .values(
            "pk",
            "url_path",
            "title",
            "act_type",
            "number",
            "issuer__name",
            "convocation",
            "session",
            "status",
            "adopted_on",
            "effective_from",
            "date",
            "planned_consideration_on",
            "discussion_until",
            "first_published_at",
            "summary",
        )
    )
    for row in queryset.iterator(chunk_size=CHUNK_SIZE):
        yield {
            "id": row["pk"],
            "url": url(row["url_path"]),
            "title": row["title"],
            "act_type": row["act_type"],
            "number": row["number"],
            "issuer": row["issuer__name"],
            "convocation": row["convocation"],
            "session": row["session"],
            "status": row["status"],
            "adopted_on": row["adopted_on"],
            "effective_from": row["effective_from"],
            "published_on": row["date"],
            "planned_consideration_on": row["planned_consideration_on"],
            "discussion_until": row["discussion_until"],
            "first_published_at": row["first_published_at"],
            "summary": row["summary"],
        }


def commission_document_rows() -> Iterator[dict]:
    """Public live documents of the deputy commissions, oldest first, with the commission's name."""
    url = page_url_builder()
    commissions = dict(CommissionPage.objects.values_list("path", "title"))
    queryset = (
        published(CommissionDocumentPage)
        .order_by("pk")
        .values(
            "pk",
            "url_path",
            "path",
            "title",
            "doc_type",
            "number",
            "meeting_date",
            "date",
            "first_published_at",
        )
    )
    for row in queryset.iterator(chunk_size=CHUNK_SIZE):
        yield {
            "id": row["pk"],
            "url": url(row["url_path"]),
            "title": row["title"],
            "commission": commissions.get(row["path"][: -Page.steplen]),
            "doc_type": row["doc_type"],
            "number": row["number"],
            "meeting_date": row["meeting_date"],
            "published_on": row["date"],
            "first_published_at": row["first_published_at"],
        }


ORGANIZATION_FIELDS = (
    "pk",
    "kind",
    "name",
    "short_name",
    "edrpou",
    "legal_form",
    "registration_date",
    "status",
    "address",
    "head",
    "website",
    "party",
    "faction",
    "seats",
)


def organization_rows() -> Iterator[dict]:
    """The registry of NGOs and party organisations; fields of activity fetched per chunk.

    Phone, e-mail and the editors' notes are not published: they are contact details and
    internal remarks, not register data.
    """
    through = Organization.fields_of_activity.through
    queryset = Organization.objects.order_by("pk").values(*ORGANIZATION_FIELDS)
    for chunk in chunked(queryset.iterator(chunk_size=CHUNK_SIZE), CHUNK_SIZE):
        activities: dict[int, list[str]] = {}
        links = (
            through.objects.filter(organization_id__in=[row["pk"] for row in chunk])
            .order_by("fieldofactivity__name")
            .values_list("organization_id", "fieldofactivity__name")
        )
        for organization_id, name in links:
            activities.setdefault(organization_id, []).append(name)
        for row in chunk:
            record = {"id": row.pop("pk"), **row}
            record["fields_of_activity"] = activities.get(record["id"], [])
            yield record


def _latest(queryset, field_name: str) -> datetime.datetime | None:
    return queryset.aggregate(latest=Max(field_name))["latest"]


def latest_of(*moments: datetime.datetime | None) -> datetime.datetime | None:
    """The latest of the moments given, ``None`` ignored (``None`` if all are)."""
    return max((moment for moment in moments if moment is not None), default=None)


#: What Wagtail logs when a page leaves open data or moves in it, though no page was published: it was
#: unpublished (by hand or when it expired), deleted (a section's deletion logs every page under it),
#: moved (its address changes), or put behind a login, a group or a password, or let out again.
PAGE_EXITS = (
    "wagtail.unpublish",
    "wagtail.unpublish.scheduled",
    "wagtail.delete",
    "wagtail.move",
    "wagtail.view_restriction.create",
    "wagtail.view_restriction.edit",
    "wagtail.view_restriction.delete",
)
#: Of those, the ones logged on a section alone, though every page under it changes with it.
SECTION_EXITS = PAGE_EXITS[3:]


def pages_updated(model) -> datetime.datetime | None:
    """The last change of the published pages of ``model``: the latest publication of one of them, or the
    latest time one left open data or moved (:data:`PAGE_EXITS`, from Wagtail's log, which outlives the
    page). A row that disappears changes the data as much as one that appears."""
    own = ContentType.objects.get_for_models(model, Page, for_concrete_models=False).values()
    sections = ContentType.objects.get_for_models(
        *(page_model for page_model in get_page_models() if page_model.allowed_subpage_models()),
        for_concrete_models=False,
    ).values()
    exits = PageLogEntry.objects.filter(
        Q(action__in=PAGE_EXITS, content_type__in=own)
        | Q(action__in=SECTION_EXITS, content_type__in=sections)
    )
    return latest_of(_latest(published(model), "last_published_at"), _latest(exits, "timestamp"))


def deleted_at(model) -> datetime.datetime | None:
    """The latest deletion of a ``model`` record in the admin (Wagtail logs it, and the log outlives it)."""
    content_type = ContentType.objects.get_for_model(model)
    return _latest(
        ModelLogEntry.objects.filter(action="wagtail.delete", content_type=content_type), "timestamp"
    )


@dataclass(frozen=True)
class Dataset:
    """One open dataset: what it is (for people), its rows, its size and its latest change.

    ``kinds`` maps a column holding the code of a kind to the class that declares the kind;
    ``schema_dir`` is where an app that registered the dataset keeps its schema (default: reports').
    """

    name: str
    description: Promise
    rows: Callable[[], Iterator[dict]]
    count: Callable[[], int]
    updated: Callable[[], datetime.datetime | None]
    kinds: dict[str, type] = field(default_factory=dict)
    schema_dir: Path | None = None


DATASETS = {
    "acts": Dataset(
        "acts",
        _(
            "Decisions of the city council and of its executive committee, the mayor's orders, draft "
            "decisions and protocols published on the site, with their requisites and summaries."
        ),
        act_rows,
        lambda: published(ActPage).count(),
        lambda: pages_updated(ActPage),
        {"act_type": ActType, "status": ActStatus},
    ),
    "commission-documents": Dataset(
        "commission-documents",
        _(
            "Protocols of the meetings of the standing deputy commissions and their conclusions and "
            "recommendations on draft decisions, with the commission, the number and the meeting date."
        ),
        commission_document_rows,
        lambda: published(CommissionDocumentPage).count(),
        lambda: latest_of(pages_updated(CommissionDocumentPage), pages_updated(CommissionPage)),
        {"doc_type": CommissionDocumentType},
    ),
    "organizations": Dataset(
        "organizations",
        _(
            "The city's registry of civil society organisations and local organisations of political "
            "parties: names, EDRPOU codes, legal forms, heads, fields of activity. Contact details are "
            "not published."
        ),
        organization_rows,
        lambda: Organization.objects.count(),
        lambda: latest_of(_latest(Organization.objects.all(), "updated_at"), deleted_at(Organization)),
        {"kind": OrganizationKind, "legal_form": LegalForm, "status": RegistrationStatus},
    ),
}


def register_dataset(dataset: Dataset):
    """Publish an app's dataset beside these, from its ``AppConfig.ready`` (reports imports no app above)."""
    DATASETS[dataset.name] = dataset
