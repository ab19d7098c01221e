"""The admin: convocations and deputies (factions and commission seats inline), in one menu group."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import DateColumn
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from registry.kinds import OrganizationKind
from registry.models import Organization

from .admin_meetings import MeetingViewSet, VoteViewSet
from .deputy_admin_views import DeputyCreateView, DeputyEditView, DeputyForm
from .imports_views import VoteImportViewSet
from .models import Convocation, Deputy


class DeputyFilterSet(WagtailFilterSet):
    """Deputies by status, and by the convocations and factions they have ever been in."""

    convocation = django_filters.ModelChoiceFilter(
        label=_("convocation"),
        field_name="memberships__convocation",
        queryset=Convocation.objects.all(),
        distinct=True,
    )
    faction = django_filters.ModelChoiceFilter(
        label=_("faction"),
        field_name="memberships__faction",
        queryset=Organization.objects.filter(kind=OrganizationKind.PARTY),
        distinct=True,
    )

    class Meta:
        model = Deputy
        fields = ["status"]


class ConvocationViewSet(ModelViewSet):
    model = Convocation
    name = "council_convocations"
    url_prefix = "council/convocations"
    icon = "date"
    menu_order = 200
    list_display = [
        "__str__",
        DateColumn("start_date", label=_("start date")),
        DateColumn("end_date", label=_("end date")),
    ]
    search_fields = None
    copy_view_enabled = False


class DeputyViewSet(ModelViewSet):
    model = Deputy
    name = "council_deputies"
    url_prefix = "council/deputies"
    icon = "user"
    menu_order = 100
    list_display = ["full_name", "status", "electoral_district", "phone"]
    filterset_class = DeputyFilterSet
    search_fields = ["full_name", "electoral_district"]
    search_backend_name = None  # the ORM's icontains: deputies are not in the site's search index
    copy_view_enabled = False
    add_view_class, edit_view_class = DeputyCreateView, DeputyEditView  # saving recounts the votes

    def get_edit_handler(self):
        return ObjectList(Deputy.panels, base_form_class=DeputyForm).bind_to_model(Deputy)


class CouncilViewSetGroup(ModelViewSetGroup):
    menu_label = _("Deputies and sessions")
    menu_icon = "group"
    menu_order = 260
    items = (DeputyViewSet, ConvocationViewSet, MeetingViewSet, VoteViewSet, VoteImportViewSet)


council_viewset_group = CouncilViewSetGroup()
