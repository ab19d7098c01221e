"""The admin: convocations and deputies (factions and commission seats inline), in one menu group."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import DateColumn
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from .models import Convocation, Deputy


class ConvocationViewSet(ModelViewSet):
    model = Convocation
    name = "council_convocations"
    url_prefix = "council/convocations"
    icon = "date"
    menu_order = 200
    list_display = ["__str__", DateColumn("start_date"), DateColumn("end_date")]
    search_fields = None
    copy_view_enabled = False


class DeputyViewSet(ModelViewSet):
    model = Deputy
    name = "council_deputies"
    url_prefix = "council/deputies"
    icon = "user"
    menu_order = 100
    list_display = ["full_name", "status", "electoral_district", "phone"]
    list_filter = ["status", "memberships__convocation", "memberships__faction"]
    search_fields = ["full_name", "electoral_district"]
    search_backend_name = None  # the ORM's icontains: deputies are not in the site's search index
    copy_view_enabled = False


class CouncilViewSetGroup(ModelViewSetGroup):
    menu_label = _("Deputies and sessions")
    menu_icon = "group"
    menu_order = 260
    items = (DeputyViewSet, ConvocationViewSet)


council_viewset_group = CouncilViewSetGroup()
