"""Admin views of the registries: import with preview and confirmation, export, analytics."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from import_export.forms import ConfirmImportForm
from import_export.tmp_storages import TempFolderStorage
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.search.backends import get_search_backend

from . import selectors, services
from .models import NGO, OrganizationKind, PartyOrganization
from .resources import COLUMNS

KINDS = {"ngo": NGO, "party": PartyOrganization}
LIST_FILTERS = ("status__exact", "legal_form__exact", "fields_of_activity__id__exact", "party__exact")


def _model_for(kind):
    try:
        return KINDS[kind]
    except KeyError:
        raise Http404 from None


def _require(user, *perms):
    if not user.has_perms(perms):
        raise PermissionDenied


def _perm(model, action):
    return f"registry.{action}_{model._meta.model_name}"


def _index_url(model):
    return reverse(f"registry_{model._meta.model_name}_modeladmin_index")


class RegistryImportForm(forms.Form):
    """The upload step; the format is guessed from the extension unless chosen."""

    import_file = forms.FileField(label=gettext_lazy("File"))
    file_format = forms.ChoiceField(
        label=gettext_lazy("Format"),
        required=False,
        choices=[
            ("", gettext_lazy("By the file extension")),
            ("csv", "CSV"),
            ("xlsx", "XLSX"),
            ("json", "JSON"),
        ],
    )
    encoding = forms.ChoiceField(
        label=gettext_lazy("Encoding (CSV)"),
        choices=[("auto", gettext_lazy("Detect")), ("utf-8", "UTF-8"), ("cp1251", "Windows-1251")],
        initial="auto",
    )
    delimiter = forms.ChoiceField(
        label=gettext_lazy("Delimiter (CSV)"),
        choices=[
            ("auto", gettext_lazy("Detect")),
            ("semicolon", gettext_lazy("Semicolon ;")),
            ("comma", gettext_lazy("Comma ,")),
            ("tab", gettext_lazy("Tab")),
        ],
        initial="auto",
    )

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("import_file")
        if upload and not cleaned.get("file_format"):
            cleaned["file_format"] = services.guess_format(upload.name)
            if not cleaned["file_format"]:
                self.add_error("file_format", _("Cannot tell the format from the file name: choose it."))
        return cleaned


class RegistryConfirmImportForm(ConfirmImportForm):
    """import-export's confirmation step, carrying the reading options of the upload."""

    encoding = forms.CharField(widget=forms.HiddenInput())
    delimiter = forms.CharField(widget=forms.HiddenInput())


class OrganizationImportView(WagtailAdminTemplateMixin, TemplateView):
    """Upload, preview (a dry run reporting every row's problems), then confirm to write."""

    template_name = "registry/admin/import.html"
    header_icon = "upload"

    def dispatch(self, request, *args, kind, **kwargs):
        self.kind = kind
        self.model = _model_for(kind)
        _require(request.user, _perm(self.model, "add"), _perm(self.model, "change"))
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Import: %(name)s") % {"name": self.model._meta.verbose_name_plural}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": _index_url(self.model), "label": self.model._meta.verbose_name_plural},
            {"url": "", "label": _("Import")},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(kind=self.kind, index_url=_index_url(self.model), columns=[c for _, c in COLUMNS])
        context.setdefault("form", RegistryImportForm())
        return context

    def post(self, request, *args, **kwargs):
        if "import_file_name" in request.POST:
            return self.confirm(request)
        form = RegistryImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        options = {key: form.cleaned_data[key] for key in ("encoding", "delimiter")}
        file_format = form.cleaned_data["file_format"]
        content = form.cleaned_data["import_file"].read()
        try:
            dataset = services.read_dataset(content=content, file_format=file_format, **options)
        except services.RegistryFileError as error:
            form.add_error("import_file", str(error))
            return self.render_to_response(self.get_context_data(form=form))
        report = services.import_organizations(dataset=dataset, dry_run=True, default_kind=self.default_kind)
        context = self.get_context_data(form=form, report=report)
        if not report.has_errors:
            storage = TempFolderStorage(read_mode="rb")
            storage.save(content)
            context["confirm_form"] = RegistryConfirmImportForm(
                initial={
                    "import_file_name": storage.name,
                    "original_file_name": form.cleaned_data["import_file"].name,
                    "format": file_format,
                    **options,
                }
            )
        return self.render_to_response(context)

    @property
    def default_kind(self):
        return OrganizationKind.PARTY if self.model is PartyOrganization else OrganizationKind.NGO

    def confirm(self, request):
        form = RegistryConfirmImportForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("The import could not be confirmed: upload the file again."))
            return redirect(request.path)
        storage = TempFolderStorage(name=form.cleaned_data["import_file_name"], read_mode="rb")
        try:
            content = storage.read()
        except OSError:
            messages.error(request, _("The uploaded file has expired: upload it again."))
            return redirect(request.path)
        dataset = services.read_dataset(
            content=content,
            file_format=form.cleaned_data["format"],
            encoding=form.cleaned_data["encoding"],
            delimiter=form.cleaned_data["delimiter"],
        )
        report = services.import_organizations(dataset=dataset, dry_run=False, default_kind=self.default_kind)
        if report.has_errors:
            # The data changed between preview and confirmation: show the new problems, write nothing.
            return self.render_to_response(self.get_context_data(report=report))
        storage.remove()
        messages.success(
            request,
            _("Import finished: %(new)d added, %(updated)d updated.")
            % {"new": report.new, "updated": report.updated},
        )
        if report.created_fields_of_activity:
            messages.info(
                request,
                _("New fields of activity: %(names)s.")
                % {"names": ", ".join(report.created_fields_of_activity)},
            )
        return redirect(_index_url(self.model))


class OrganizationExportView(View):
    """The list as CSV, XLSX or JSON, with the list's filters and search applied."""

    def get(self, request, kind):
        model = _model_for(kind)
        _require(request.user, _perm(model, "view"))
        file_format = request.GET.get("export_format", "csv")
        if file_format not in services.FORMATS:
            return HttpResponse(_("Unsupported file format: choose CSV, XLSX or JSON."), status=400)
        queryset = model.objects.all()
        for key in LIST_FILTERS:
            if request.GET.get(key):
                queryset = queryset.filter(**{key: request.GET[key]})
        if request.GET.get("q"):
            matched = get_search_backend().search(request.GET["q"], queryset)
            queryset = model.objects.filter(pk__in=[obj.pk for obj in matched])
        content = services.export_organizations(queryset=queryset.order_by("name"), file_format=file_format)
        response = HttpResponse(content, content_type=services.CONTENT_TYPES[file_format])
        filename = f"{slugify(model._meta.model_name)}.{file_format}"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class AnalyticsView(WagtailAdminTemplateMixin, TemplateView):
    """Counts for the department's reports, for a chosen month (?month=YYYY-MM), exportable."""

    template_name = "registry/admin/analytics.html"
    header_icon = "table"
    page_title = gettext_lazy("Registry analytics")

    def get(self, request, *args, **kwargs):
        _require(request.user, "registry.view_organization")
        try:
            month = selectors.parse_month(request.GET.get("month"))
        except selectors.InvalidMonth as error:
            if request.GET.get("export_format"):
                return HttpResponse(str(error), status=400, content_type="text/plain; charset=utf-8")
            return self.render_to_response(self.get_context_data(month_error=str(error)), status=400)
        analytics = selectors.registry_analytics(month=month)
        file_format = request.GET.get("export_format")
        if file_format:
            if file_format not in ("csv", "xlsx"):
                return HttpResponse(_("Unsupported file format: choose CSV or XLSX."), status=400)
            response = HttpResponse(
                services.export_analytics(analytics=analytics, file_format=file_format),
                content_type=services.CONTENT_TYPES[file_format],
            )
            response["Content-Disposition"] = f'attachment; filename="registry-{month:%Y-%m}.{file_format}"'
            return response
        return self.render_to_response(self.get_context_data(analytics=analytics, month=month))
