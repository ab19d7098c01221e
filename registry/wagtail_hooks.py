"""Admin wiring of the registries: the «Реєстри» menu group, its lists, import/export and analytics URLs."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.search.backends import get_search_backend
from wagtail_modeladmin.helpers import WagtailBackendSearchHandler
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register
from wagtail_modeladmin.views import CreateView, IndexView

from . import views
from .models import NGO, FieldOfActivity, Interaction, OrganizationKind, PartyOrganization


class OrganizationIndexView(IndexView):
    """The modeladmin list with Import and Export buttons; exports carry the list's filters and search."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        model_name = self.model._meta.model_name
        context.update(
            registry_kind=self.model_admin.registry_kind,
            registry_can_import=user.has_perms(
                [f"registry.add_{model_name}", f"registry.change_{model_name}"]
            ),
            registry_export_formats=("csv", "xlsx", "json")
            if user.has_perm(f"registry.view_{model_name}")
            else (),
            registry_query=self._filters_query(),
        )
        return context

    def _filters_query(self):
        query = self.request.GET.copy()
        query.pop("p", None)
        return query.urlencode()


class RegistrySearchHandler(WagtailBackendSearchHandler):
    """Search every indexed field of the model through Wagtail's backend.

    ``search_fields`` on the ModelAdmin only switches the search box on: restricting the backend
    to named fields is not supported by the SQLite full-text backend, and every field the
    editors would search (name, short name, code, head, address, party, notes) is indexed.
    """

    def search_queryset(
        self, queryset, search_term, preserve_order=False, operator=None, backend=None, **kwargs
    ):
        if not search_term:
            return queryset
        backend = get_search_backend(backend or self.default_search_backend)
        return backend.search(search_term, queryset, operator=operator, order_by_relevance=not preserve_order)


class OrganizationCreateView(CreateView):
    """A new organisation gets the type of the list it is added from (the form does not show the type)."""

    def get_instance(self):
        instance = super().get_instance()
        instance.kind = self.model_admin.organization_kind
        return instance


_DETAIL_FIELDS = (
    "registration_date",
    "status",
    "address",
    "head",
    "phone",
    "email",
    "website",
    "fields_of_activity",
    "notes",
)


class OrganizationAdmin(ModelAdmin):
    index_view_class = OrganizationIndexView
    create_view_class = OrganizationCreateView
    index_template_name = "registry/admin/organization_index.html"
    search_handler_class = RegistrySearchHandler
    search_fields = ("name", "short_name", "edrpou", "head", "address", "party", "notes")
    inspect_view_enabled = True
    list_per_page = 50
    add_to_admin_menu = False


class NGOAdmin(OrganizationAdmin):
    model = NGO
    registry_kind = "ngo"
    organization_kind = OrganizationKind.NGO
    menu_label = _("Civil society organisations")
    menu_icon = "group"
    list_display = ("name", "edrpou", "legal_form", "status", "registration_date")
    list_filter = ("legal_form", "status", "fields_of_activity")
    inspect_view_fields = ("name", "short_name", "edrpou", "legal_form", *_DETAIL_FIELDS)
    form_fields_exclude = ("kind", "party", "faction", "seats")


class PartyOrganizationAdmin(OrganizationAdmin):
    model = PartyOrganization
    registry_kind = "party"
    organization_kind = OrganizationKind.PARTY
    menu_label = _("Party organisations")
    menu_icon = "site"
    list_display = ("name", "edrpou", "party", "faction", "seats", "status")
    list_filter = ("status", "party", "fields_of_activity")
    inspect_view_fields = ("name", "short_name", "edrpou", "party", "faction", "seats", *_DETAIL_FIELDS)
    form_fields_exclude = ("kind", "legal_form")


class FieldOfActivityAdmin(ModelAdmin):
    model = FieldOfActivity
    menu_label = _("Fields of activity")
    menu_icon = "tag"
    list_display = ("name",)
    search_fields = ("name",)


class InteractionAdmin(ModelAdmin):
    model = Interaction
    menu_label = _("Interactions")
    menu_icon = "date"
    list_display = ("date", "kind", "topic")
    list_filter = ("kind", "date")
    search_handler_class = RegistrySearchHandler
    search_fields = ("topic", "outcome")
    inspect_view_enabled = True


class AnalyticsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("registry.view_organization")


class RegistriesGroup(ModelAdminGroup):
    menu_label = _("Registries")
    menu_item_name = "registries"
    menu_icon = "list-ul"
    menu_order = 250
    items = (NGOAdmin, PartyOrganizationAdmin, InteractionAdmin, FieldOfActivityAdmin)

    def get_submenu_items(self):
        return super().get_submenu_items() + [
            AnalyticsMenuItem(_("Analytics"), reverse("registry_analytics"), icon_name="table", order=900)
        ]


modeladmin_register(RegistriesGroup)


@hooks.register("register_admin_urls")
def register_registry_urls():
    return [
        path("registry/import/<str:kind>/", views.OrganizationImportView.as_view(), name="registry_import"),
        path("registry/export/<str:kind>/", views.OrganizationExportView.as_view(), name="registry_export"),
        path("registry/analytics/", views.AnalyticsView.as_view(), name="registry_analytics"),
    ]
