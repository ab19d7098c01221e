"""The admin of meetings (agenda inline) and roll-call votes (ballots inline), in the council's menu group.

A vote's tally, quorum and result are stored on the vote by ``council.tally.recount``; the vote's
create and edit views call it once the vote and its ballots are saved, in the same transaction.
"""

import django_filters
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from .models import AgendaItem, Convocation, Meeting, Vote
from .tally import recount


def meeting_years():
    """The years that have meetings, latest first, as filter choices."""
    years = (
        Meeting.objects.annotate(year=ExtractYear("starts_at"))
        .values_list("year", flat=True)
        .distinct()
        .order_by("-year")
    )
    return [(year, str(year)) for year in years]


def local_time(meeting: Meeting) -> str:
    """The meeting's date and time in the site's time zone, «14.03.2024 10:00»."""
    return f"{timezone.localtime(meeting.starts_at):%d.%m.%Y %H:%M}"


class MeetingFilterSet(WagtailFilterSet):
    """Meetings by kind, status, convocation and year."""

    convocation = django_filters.ModelChoiceFilter(label=_("convocation"), queryset=Convocation.objects.all())
    year = django_filters.ChoiceFilter(label=_("year"), field_name="starts_at__year", choices=meeting_years)

    class Meta:
        model = Meeting
        fields = ["kind", "status"]


class MeetingViewSet(ModelViewSet):
    model = Meeting
    name = "council_meetings"
    url_prefix = "council/meetings"
    icon = "date"
    menu_order = 300
    list_display = [
        "__str__",
        Column("starts_at", label=_("date and time"), accessor=local_time),
        Column("kind", label=_("kind"), accessor="get_kind_display"),
        "number",
        Column("status", label=_("status"), accessor="get_status_display"),
        "convocation",
    ]
    filterset_class = MeetingFilterSet
    search_fields = ["title", "place", "agenda_items__title"]
    search_backend_name = None  # the ORM's icontains: meetings are not in the admin's search index
    copy_view_enabled = False

    def get_queryset(self, request):
        return Meeting.objects.select_related("convocation")


def tally_of(vote: Vote) -> str:
    """«for / against / abstained», as the list shows it."""
    return f"{vote.for_count} / {vote.against_count} / {vote.abstained_count}"


class VoteFilterSet(WagtailFilterSet):
    """Votes by meeting and by result."""

    meeting = django_filters.ModelChoiceFilter(
        label=_("meeting"),
        field_name="agenda_item__meeting",
        queryset=Meeting.objects.select_related("convocation"),
    )
    adopted = django_filters.BooleanFilter(label=_("adopted"))

    class Meta:
        model = Vote
        fields = []


class VoteForm(WagtailAdminModelForm):
    """The vote's form: each agenda item named with its meeting («… № 40, 15.01.2018 — 3. Про бюджет»)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["agenda_item"]
        field.queryset = AgendaItem.objects.select_related("meeting").order_by(
            "-meeting__starts_at", "meeting", "sort_order"
        )
        field.label_from_instance = lambda item: f"{item.meeting} — {item}"


class RecountMixin:
    """Store the vote's tally once the vote and its ballots are saved."""

    def save_instance(self):
        vote = super().save_instance()
        recount(vote)
        return vote


class VoteCreateView(RecountMixin, generic.CreateView):
    pass


class VoteEditView(RecountMixin, generic.EditView):
    pass


class VoteViewSet(ModelViewSet):
    model = Vote
    name = "council_votes"
    url_prefix = "council/votes"
    icon = "tick-inverse"
    menu_order = 400
    add_view_class = VoteCreateView
    edit_view_class = VoteEditView
    list_display = [
        Column("meeting", label=_("meeting"), accessor="agenda_item.meeting"),
        Column("agenda_item", label=_("agenda item"), accessor="agenda_item"),
        Column("question", label=_("question"), accessor="get_question_display"),
        Column("tally", label=_("for / against / abstained"), accessor=tally_of),
        BooleanColumn("adopted", label=_("adopted")),
    ]
    filterset_class = VoteFilterSet
    search_fields = ["description", "agenda_item__title"]
    search_backend_name = None
    copy_view_enabled = False

    def get_queryset(self, request):
        return Vote.objects.select_related("agenda_item__meeting__convocation")

    def get_edit_handler(self):
        return ObjectList(Vote.panels, base_form_class=VoteForm).bind_to_model(Vote)
