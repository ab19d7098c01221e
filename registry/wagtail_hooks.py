"""Admin wiring of the registries: the «Реєстри» menu group, its lists, import/export and analytics URLs."""

from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.search.backends import get_search_backend
from wagtail_modeladmin.helpers import WagtailBackendSearchHandler
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register
from wagtail_modeladmin.views import CreateView, IndexView

from . import exports, list_params, permissions, views
from .kinds import OrganizationKind
from .models import FieldOfActivity, Interaction, Organization


class RegistryIndexView(IndexView):
    """A modeladmin list whose query string is parsed first: a bad parameter is a notice, never a 500.

    ``cms.param_guard`` has already dropped NUL bytes and overlong values (modeladmin's URLs name
    the ModelAdmin's method, not this class, so the guard cannot be told to leave it alone).
    """

    def dispatch(self, request, *args, **kwargs):
        parsers = list_params.list_parsers(self.model, self.model_admin.get_list_filter(request))
        request.GET, notices = list_params.clean_query(request.GET, parsers)
        for notice in notices:
            messages.warning(request, notice)
        return super().dispatch(request, *args, **kwargs)


class OrganizationIndexView(RegistryIndexView):
    """The list with Import and Export buttons; exports carry the list's filters and search."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, model = self.request.user, self.model
        context.update(
            registry_kind=self.model_admin.organization_kind.value,
            registry_can_import=permissions.user_can(user, model, "add", "change"),
            registry_export_formats=exports.FORMATS if permissions.user_can(user, model, "view") else (),
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
        # The list's filters (fields of activity: a many-to-many) are not filter fields of the index:
        # search the whole model, then keep the filtered list's rows that matched.
        matched = backend.search(search_term, queryset.model._default_manager.all(), operator=operator)
        return queryset.filter(pk__in=[obj.pk for obj in matched])


class OrganizationCreateView(CreateView):
    """A new organisation gets the type of the list it is added from (the form does not show the type)."""

    def get_instance(self):
        instance = super().get_instance()
        instance.kind = self.model_admin.organization_kind
        return instance


#: The fields of every organisation, after the name and code, as the inspect view shows them.
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
#: The fields one kind or another fills in: each list's form shows its own only.
_KIND_FIELDS = tuple(dict.fromkeys(name for kind in OrganizationKind for name in kind.data.own_fields))


class OrganizationAdmin(ModelAdmin):
    index_view_class = OrganizationIndexView
    create_view_class = OrganizationCreateView
    index_template_name = "registry/admin/organization_index.html"
    index_view_extra_css = ["registry/admin.css"]
    search_handler_class = RegistrySearchHandler
    search_fields = ("name", "short_name", "edrpou", "head", "address", "party", "notes")
    inspect_view_enabled = True
    list_per_page = 50
    add_to_admin_menu = False


def organization_admin(kind: OrganizationKind) -> type[ModelAdmin]:
    """The admin list of one kind of organisation, from the kind's data."""
    data = kind.data
    return type(
        f"{data.proxy}Admin",
        (OrganizationAdmin,),
        {
            "model": kind.proxy_model,
            "organization_kind": kind,
            "menu_label": data.list_label,
            "menu_icon": data.menu_icon,
            "list_display": data.list_display,
            "list_filter": data.list_filter,
            "inspect_view_fields": ("name", "short_name", "edrpou", *data.own_fields, *_DETAIL_FIELDS),
            "form_fields_exclude": ("kind", *(f for f in _KIND_FIELDS if f not in data.own_fields)),
        },
    )


class FieldOfActivityAdmin(ModelAdmin):
    model = FieldOfActivity
    index_view_class = RegistryIndexView
    menu_label = _("Fields of activity")
    menu_icon = "tag"
    list_display = ("name",)
    search_fields = ("name",)


class InteractionAdmin(ModelAdmin):
    model = Interaction
    index_view_class = RegistryIndexView
    menu_label = _("Interactions")
    menu_icon = "date"
    list_display = ("date", "kind", "topic")
    list_filter = ("kind", "date")
    search_handler_class = RegistrySearchHandler
    search_fields = ("topic", "outcome")
    inspect_view_enabled = True


class AnalyticsMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.user_can(request.user, Organization, "view")


class RegistriesGroup(ModelAdminGroup):
    menu_label = _("Registries")
    menu_item_name = "registries"
    menu_icon = "list-ul"
    menu_order = 250
    items = (*(organization_admin(kind) for kind in OrganizationKind), InteractionAdmin, FieldOfActivityAdmin)

    def get_submenu_items(self):
        return super().get_submenu_items() + [
            AnalyticsMenuItem(_("Analytics"), reverse("registry_analytics"), icon_name="table", order=900)
        ]


modeladmin_register(RegistriesGroup)


@hooks.register("register_admin_urls")
def register_registry_urls():
    return [
        path("registry/import/<str:kind>/", views.OrganizationImportView.as_view(), name="registry_import"),
        path(
            "registry/import/<str:kind>/preview/",
            views.ImportPreviewView.as_view(),
            name="registry_import_preview",
        ),
        path("registry/export/<str:kind>/", views.OrganizationExportView.as_view(), name="registry_export"),
        path("registry/analytics/", views.AnalyticsView.as_view(), name="registry_analytics"),
    ]
