"""«Import of votes» in the admin's «Deputies and sessions» group: upload, preview, confirmation.

GET  /admin/council/import-votes/                          the upload form
POST /admin/council/import-votes/                          stores the file, redirects to its preview
GET  /admin/council/import-votes/preview/?file=<token>[&convocation=<n>][&show=<outcome>][&p=<page>]
POST /admin/council/import-votes/preview/?file=<token>[&convocation=<n>]   writes the whole file

The preview is a dry run in a transaction rolled back: every row's outcome and problems (row and
column), what the import creates, and each touched vote's tally and result as they would be.
The file waits in import-export's temporary storage behind a signed token (``registry.uploads``).
"""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from cms import params
from cms.pagination import paginate
from registry import files
from registry.forms import RegistryImportForm
from registry.permissions import require
from registry.uploads import Upload, UploadGone

from . import imports as fmt
from .imports_file import read_votes_file
from .imports_service import ImportReport, Outcome, import_votes, summary_lines
from .models import Ballot, Convocation

UPLOAD_KIND = "council-votes"
PREVIEW_PER_PAGE = 100
#: Problems listed in the table above the rows; the rest are in the rows «with errors».
PROBLEMS_SHOWN = 200
TOKEN_LENGTH = 2000


class VoteImportForm(RegistryImportForm):
    """The registry's upload form (file, encoding, delimiter), for CSV and XLSX, and the convocation."""

    file_format = forms.ChoiceField(
        label=gettext_lazy("Format"),
        required=False,
        choices=[("", gettext_lazy("By the file extension")), ("csv", "CSV"), ("xlsx", "XLSX")],
    )

    convocation = forms.ModelChoiceField(
        label=gettext_lazy("Convocation"),
        queryset=Convocation.objects.all(),
        required=False,
        empty_label=gettext_lazy("The one sitting on each session's date"),
    )


class ImportMixin(WagtailAdminTemplateMixin):
    """The keeper must be able to add and change ballots."""

    parses_parameters = True  # its own cms.params parsing explains a bad value (cms.param_guard)
    header_icon = "upload"
    page_title = gettext_lazy("Import of votes")

    def dispatch(self, request, *args, **kwargs):
        require(request.user, Ballot, "add", "change")
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": _("Import of votes")}]

    @property
    def upload_url(self):
        return reverse("council_vote_import:upload")


class VoteImportView(ImportMixin, TemplateView):
    template_name = "council/admin/import_votes.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", VoteImportForm())
        context.update(columns=fmt.COLUMNS, required=fmt.REQUIRED)
        return context

    def post(self, request, *args, **kwargs):
        form = VoteImportForm(request.POST, request.FILES)
        upload = form.store_upload(kind=UPLOAD_KIND, user=request.user) if form.is_valid() else None
        if upload is None:
            return self.render_to_response(self.get_context_data(form=form))
        query = {"file": upload.token()}
        if form.cleaned_data["convocation"]:
            query["convocation"] = form.cleaned_data["convocation"].number
        return redirect(f"{reverse('council_vote_import:preview')}?{urlencode(query)}")


class VotePreviewView(ImportMixin, TemplateView):
    template_name = "council/admin/import_votes_preview.html"
    page_title = gettext_lazy("Import of votes: preview")

    def get(self, request, *args, **kwargs):
        report = self._run(dry_run=True)
        return redirect(self.upload_url) if report is None else self.render_to_response(self._context(report))

    def post(self, request, *args, **kwargs):
        report = self._run(dry_run=False)
        if report is None:
            return redirect(self.upload_url)
        if not report.written:
            return self.render_to_response(self._context(report, failed=True))
        self.upload.remove()
        for line in summary_lines(report):
            messages.success(request, line)
        return redirect(self.upload_url)

    def _run(self, *, dry_run: bool) -> ImportReport | None:
        gone = _("The uploaded file is no longer available: upload it again.")
        try:
            token = params.text(self.request.GET.get("file"), name="file", max_length=TOKEN_LENGTH)
            self.upload = Upload.from_token(token, kind=UPLOAD_KIND, user_id=self.request.user.pk)
            number = params.integer(self.request.GET.get("convocation"), name="convocation", minimum=1)
            self.convocation = Convocation.objects.filter(number=number).first() if number else None
            if number and self.convocation is None:
                raise params.BadParameter("convocation", number, "")
            dataset = read_votes_file(
                content=self.upload.read(),
                file_format=self.upload.file_format,
                encoding=self.upload.encoding,
                delimiter=self.upload.delimiter,
            )
        except (params.BadParameter, UploadGone, files.RegistryFileError):
            messages.error(self.request, gone)
            return None
        return import_votes(dataset=dataset, dry_run=dry_run, convocation=self.convocation)

    def _context(self, report: ImportReport, *, failed=False) -> dict:
        notices = []
        try:
            show = params.choice(self.request.GET.get("show"), name="show", choices=Outcome.choices)
        except params.BadParameter as error:
            notices.append(str(error))
            show = None
        rows = [row for row in report.rows if show is None or row.outcome == show]
        query = {"file": self.request.GET.get("file", "")}
        if self.convocation:
            query["convocation"] = self.convocation.number
        return self.get_context_data(
            report=report,
            summary=summary_lines(report),
            problems=report.row_problems[:PROBLEMS_SHOWN],
            more_problems=max(0, len(report.row_problems) - PROBLEMS_SHOWN),
            failed=failed,
            notices=notices,
            page=paginate(rows, self.request.GET.get("p"), notices, per_page=PREVIEW_PER_PAGE),
            show=show or "",
            outcomes=[(value, label, report.count(value)) for value, label in Outcome.choices],
            columns=list(report.rows[0].cells) if report.rows else [],
            file_query=urlencode(query),
            upload=self.upload,
            convocation=self.convocation,
            upload_url=self.upload_url,
        )


class VoteImportViewSet(ViewSet):
    """The import's two views as a menu item of the council's group."""

    name = "council_vote_import"
    url_prefix = "council/import-votes"
    icon = "upload"
    menu_label = gettext_lazy("Import of votes")
    menu_order = 900

    def get_urlpatterns(self):
        return [
            path("", VoteImportView.as_view(), name="upload"),
            path("preview/", VotePreviewView.as_view(), name="preview"),
        ]
