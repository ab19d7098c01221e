"""The registry import in the admin: upload, a preview of every row, then the keeper's confirmation.

GET  /admin/registry/import/<kind>/            the upload form
POST /admin/registry/import/<kind>/            stores the file, redirects to its preview
GET  /admin/registry/import/<kind>/preview/?file=<token>[&show=<outcome>][&p=<page>]
POST /admin/registry/import/<kind>/preview/?file=<token>   the confirmation: writes, back to the list
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms import params
from cms.pagination import paginate

from .. import files, permissions, services
from ..columns import COLUMNS
from ..forms import ConfirmImportForm, RegistryImportForm
from ..uploads import Upload, UploadGone
from .common import index_url, kind_from_url

#: Rows of the file per page of the preview.
PREVIEW_PER_PAGE = 50
#: Longest token the preview accepts (a signed, compressed upload description).
TOKEN_LENGTH = 2000


class ImportMixin(WagtailAdminTemplateMixin):
    """The registry named in the URL; the keeper must be able to add and change its organisations."""

    parses_parameters = True  # its own cms.params parsing explains a bad value (cms.param_guard)

    header_icon = "upload"

    def dispatch(self, request, *args, kind, **kwargs):
        self.kind = kind_from_url(kind)
        self.model = self.kind.proxy_model
        permissions.require(request.user, self.model, "add", "change")
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Import: %(name)s") % {"name": self.kind.list_label}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": index_url(self.model), "label": self.kind.list_label},
            {"url": "", "label": _("Import")},
        ]

    @property
    def upload_url(self):
        return reverse("registry_import", args=[self.kind.value])


class OrganizationImportView(ImportMixin, TemplateView):
    """The upload step: a file that can be read at all goes on to its preview."""

    template_name = "registry/admin/import.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(index_url=index_url(self.model), columns=[c for _, c in COLUMNS])
        context.setdefault("form", RegistryImportForm())
        return context

    def post(self, request, *args, **kwargs):
        form = RegistryImportForm(request.POST, request.FILES)
        upload = form.store_upload(kind=self.kind.value, user=request.user) if form.is_valid() else None
        if upload is None:
            return self.render_to_response(self.get_context_data(form=form))
        preview = reverse("registry_import_preview", args=[self.kind.value])
        return redirect(f"{preview}?{urlencode({'file': upload.token()})}")


class ImportPreviewView(ImportMixin, TemplateView):
    """Every row of the file and what the import would do with it; the confirmation writes them."""

    template_name = "registry/admin/import_preview.html"

    def get_page_title(self):
        return _("Import preview: %(name)s") % {"name": self.kind.list_label}

    def get(self, request, *args, **kwargs):
        upload = self._upload()
        if upload is None:
            return redirect(self.upload_url)
        report = self._run(upload, dry_run=True)
        if report is None:
            return redirect(self.upload_url)
        return self.render_to_response(self._context(upload, report))

    def post(self, request, *args, **kwargs):
        upload = self._upload()
        if upload is None:
            return redirect(self.upload_url)
        form = ConfirmImportForm(request.POST)
        if not form.is_valid():
            report = self._run(upload, dry_run=True)
            if report is None:
                return redirect(self.upload_url)
            return self.render_to_response(self._context(upload, report, confirm_form=form))
        valid_only = form.cleaned_data["mode"] == "valid"
        report = self._run(
            upload,
            dry_run=False,
            skip_invalid=valid_only,
            expected_invalid=form.cleaned_data["left_out"] if valid_only else None,
        )
        if report is None:
            return redirect(self.upload_url)
        if not report.written:
            # The registry changed since the preview, or another import wrote at the same moment.
            return self.render_to_response(self._context(upload, report, failed=True))
        upload.remove()
        self._announce(report)
        return redirect(index_url(self.model))

    def _upload(self) -> Upload | None:
        try:
            token = params.text(self.request.GET.get("file"), name="file", max_length=TOKEN_LENGTH)
            return Upload.from_token(token, kind=self.kind.value, user_id=self.request.user.pk)
        except (params.BadParameter, UploadGone):
            messages.error(self.request, _("The uploaded file is no longer available: upload it again."))
            return None

    def _run(self, upload: Upload, **options) -> services.ImportReport | None:
        try:
            dataset = files.read_dataset(
                content=upload.read(),
                file_format=upload.file_format,
                encoding=upload.encoding,
                delimiter=upload.delimiter,
            )
        except (UploadGone, files.RegistryFileError):
            messages.error(self.request, _("The uploaded file is no longer available: upload it again."))
            return None
        return services.import_organizations(
            dataset=dataset, default_kind=self.kind.value, user=self.request.user, **options
        )

    def _announce(self, report: services.ImportReport) -> None:
        for text in services.result_messages(report):
            messages.success(self.request, text)
        if report.created_fields_of_activity:
            messages.info(
                self.request,
                _("New fields of activity: %(names)s.")
                % {"names": ", ".join(report.created_fields_of_activity)},
            )

    def _context(self, upload, report, *, confirm_form=None, failed=False) -> dict:
        notices = []
        try:
            show = params.choice(self.request.GET.get("show"), name="show", choices=services.Outcome.choices)
        except params.BadParameter as error:
            notices.append(str(error))
            show = None
        rows = [row for row in report.rows if show is None or row.outcome == show]
        page = paginate(rows, self.request.GET.get("p"), notices, per_page=PREVIEW_PER_PAGE)
        left_out = report.rows_with_errors
        if confirm_form is None and not report.file_errors and report.valid_rows:
            confirm_form = ConfirmImportForm(
                initial={"mode": "valid" if left_out else "all", "left_out": left_out}
            )
        if confirm_form is not None:
            confirm_form.fields["acknowledge"].label = self._left_out_label(report)
        return self.get_context_data(
            report=report,
            preview_lines=services.preview_lines(report),
            upload=upload,
            failed=failed,
            notices=notices,
            page=page,
            show=show or "",
            outcomes=[(value, label, report.count(value)) for value, label in services.Outcome.choices],
            confirm_form=confirm_form if report.valid_rows and not report.file_errors else None,
            import_button=self._import_button(report),
            file_query=urlencode({"file": self.request.GET.get("file", "")}),
            upload_url=self.upload_url,
            index_url=index_url(self.model),
            columns_changed=sorted({c for row in report.rows for c in row.changed_columns}),
        )

    @staticmethod
    def _left_out_label(report) -> str:
        count = report.rows_with_errors
        return ngettext(
            "I understand that %(count)d row with errors will be left out (row %(rows)s).",
            "I understand that %(count)d rows with errors will be left out (rows %(rows)s).",
            count,
        ) % {"count": count, "rows": ", ".join(str(n) for n in report.invalid_rows)}

    @staticmethod
    def _import_button(report) -> str:
        if not report.rows_with_errors:
            return _("Confirm import")
        count = report.valid_rows
        return ngettext(
            "Import only the %(count)d valid row", "Import only the %(count)d valid rows", count
        ) % {"count": count}
