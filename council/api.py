"""Deputies and meetings, read-only, in Wagtail's API v2: ``/api/v2/deputies/``, ``/api/v2/meetings/``.

The endpoints are registered on the site's router (``search.api.api_router``) by the composition
root, ``cms.urls``. They page as Wagtail's endpoints do (``limit``, ``offset``, at most
``WAGTAILAPI_LIMIT_MAX``), take ``fields`` and ``order``, and filter by ``convocation`` (its number)
and, for meetings, by ``kind`` and ``status``. A value they cannot use is a 400 naming the
parameter (``search.api.CheckedParametersMixin`` and :class:`CouncilFilter`), never a 500.
"""

from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone
from rest_framework import serializers
from rest_framework.filters import BaseFilterBackend
from wagtail.api import APIField
from wagtail.api.utils import get_full_url
from wagtail.api.v2.filters import OrderingFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet

from cms import params
from cms.dates import spans
from reports.opendata import is_published
from search.api import MAX_INTEGER, CheckedParametersMixin

from .kinds import DeputyStatus, MeetingKind, MeetingStatus
from .links import deputy_url, meeting_url
from .models import AgendaItem, Deputy, Meeting, Membership

#: Search is not offered here (the site search finds deputies and meetings): ``?search=`` is a 400.
READ_PARAMETERS = BaseAPIViewSet.known_query_parameters - {"search", "search_operator"}


class CouncilFilter(BaseFilterBackend):
    """``?convocation=8`` (the convocation's number) and the endpoint's ``choice_filters``."""

    def filter_queryset(self, request, queryset, view):
        try:
            number = params.integer(
                request.GET.get("convocation"), name="convocation", minimum=1, maximum=MAX_INTEGER
            )
            chosen = {
                name: params.choice(request.GET.get(name), name=name, choices=kinds.values)
                for name, kinds in view.choice_filters.items()
            }
        except params.BadParameter as error:
            raise BadRequestError(str(error)) from None
        if number is not None:
            queryset = queryset.filter(**{view.convocation_lookup: number}).distinct()
        return queryset.filter(**{name: value for name, value in chosen.items() if value})


class HtmlUrlField(serializers.Field):
    """The absolute address of the object's public page (``view.html_path``), or None; on the API's base
    URL, as Wagtail writes ``detail_url``."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        path = self.context["view"].html_path(obj)
        return get_full_url(self.context["request"], path) if path else None


class TermsField(serializers.Field):
    """A deputy's memberships: convocation, faction and dates, latest first (prefetched)."""

    def __init__(self, **kwargs):
        super().__init__(source="api_terms", read_only=True, **kwargs)

    def to_representation(self, terms):
        return [
            {
                "convocation": term.convocation.number,
                "faction": term.faction.name if term.faction_id else None,
                "start_date": term.start_date.isoformat(),
                "end_date": term.end_date.isoformat() if term.end_date else None,
            }
            for term in terms
        ]


class CurrentFactionField(serializers.Field):
    """The faction of the deputy's membership running today, or None."""

    def __init__(self, **kwargs):
        super().__init__(source="api_terms", read_only=True, **kwargs)

    def to_representation(self, terms):
        today = timezone.localdate()
        running = [t for t in terms if spans(t.start_date, t.end_date, today)]
        return running[0].faction.name if running and running[0].faction_id else None


class ConvocationNumberField(serializers.Field):
    def to_representation(self, convocation):
        return convocation.number if convocation else None


class CommissionField(serializers.Field):
    def to_representation(self, commission):
        return {"id": commission.pk, "title": commission.title} if commission else None


class AgendaField(serializers.Field):
    """A meeting's agenda in order: number, question, the draft and decision (ids of published acts)."""

    def __init__(self, **kwargs):
        super().__init__(source="api_agenda", read_only=True, **kwargs)

    def to_representation(self, items):
        return [
            {
                "id": item.pk,
                "number": item.number,
                "title": item.title,
                "draft": item.draft_id if item.draft_published else None,
                "decision": item.decision_id if item.decision_published else None,
                "withdrawn": item.withdrawn,
            }
            for item in items
        ]


class CouncilEndpoint(CheckedParametersMixin, BaseAPIViewSet):
    """What the council's endpoints share: the checks, the filters, an object's page."""

    filter_backends = [CouncilFilter, OrderingFilter]
    known_query_parameters = READ_PARAMETERS | {"convocation"}
    meta_fields = BaseAPIViewSet.meta_fields + [APIField("html_url", serializer=HtmlUrlField())]
    choice_filters: dict = {}
    convocation_lookup = ""

    def check_query_parameters(self, queryset):
        """Only the parameters the endpoint reads: a field's name filters nothing here, so it is refused."""
        unknown = set(self.request.GET) - self.known_query_parameters
        if unknown:
            names = ", ".join(sorted(unknown))
            raise BadRequestError(f"query parameter is not an operation or a filter: {names}")

    def get_object(self):
        if int(self.kwargs["pk"]) > MAX_INTEGER:  # the path takes any digits; the database does not
            raise Http404("not found")
        return super().get_object()

    def html_path(self, obj) -> str | None:
        raise NotImplementedError


class DeputiesAPIViewSet(CouncilEndpoint):
    """``/api/v2/deputies/``: deputies, their convocations and factions; ``?convocation=8``."""

    name = "deputies"
    model = Deputy
    convocation_lookup = "memberships__convocation__number"
    choice_filters = {"status": DeputyStatus}
    known_query_parameters = CouncilEndpoint.known_query_parameters | set(choice_filters)
    body_fields = BaseAPIViewSet.body_fields + [
        "full_name",
        "slug",
        "status",
        "mandate_ended_on",
        "mandate_end_reason",
        "electoral_district",
        APIField("faction", serializer=CurrentFactionField()),
        APIField("terms", serializer=TermsField()),
        "phone",
        "email",
        "reception_hours",
    ]
    listing_default_fields = BaseAPIViewSet.listing_default_fields + [
        "html_url",
        "full_name",
        "status",
        "faction",
    ]

    def get_queryset(self):
        terms = Membership.objects.select_related("convocation", "faction").order_by("-start_date", "-pk")
        return Deputy.objects.order_by("full_name", "id").prefetch_related(
            Prefetch("memberships", queryset=terms, to_attr="api_terms")
        )

    def html_path(self, deputy):
        return deputy_url(deputy.slug) or None


class MeetingsAPIViewSet(CouncilEndpoint):
    """``/api/v2/meetings/``: sessions and meetings with their agendas; ``?convocation=8&kind=plenary``."""

    name = "meetings"
    model = Meeting
    convocation_lookup = "convocation__number"
    choice_filters = {"kind": MeetingKind, "status": MeetingStatus}
    known_query_parameters = CouncilEndpoint.known_query_parameters | set(choice_filters)
    body_fields = BaseAPIViewSet.body_fields + [
        "kind",
        "number",
        APIField("convocation", serializer=ConvocationNumberField()),
        APIField("commission", serializer=CommissionField()),
        "title",
        "starts_at",
        "place",
        "status",
        "postponed_to",
        APIField("agenda", serializer=AgendaField()),
    ]
    detail_only_fields = ["agenda"]
    listing_default_fields = BaseAPIViewSet.listing_default_fields + [
        "html_url",
        "kind",
        "number",
        "convocation",
        "starts_at",
        "status",
    ]

    def get_queryset(self):
        queryset = Meeting.objects.select_related("convocation", "commission").order_by("-starts_at", "-id")
        if self.action != "listing_view":
            items = AgendaItem.objects.annotate(
                draft_published=is_published("draft_id"), decision_published=is_published("decision_id")
            ).order_by("sort_order", "pk")
            queryset = queryset.prefetch_related(
                Prefetch("agenda_items", queryset=items, to_attr="api_agenda")
            )
        return queryset

    def html_path(self, meeting):
        return meeting_url(meeting.pk) or None
