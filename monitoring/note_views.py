"""The monthly note in the admin: a month picker, the note as HTML on the page, DOCX or HTML to download;
and the editors' narrative paragraphs of each month, edited beside it.

The month goes through the monthly report's form (``reports.admin_views.MonthlyReportForm``, i.e.
``cms.params.month``): a bad month is explained on the page, never an error.
"""

import datetime

from django import forms
from django.http import HttpResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.panels import FieldPanel
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.model import ModelViewSet

from reports.admin_views import MonthlyReportForm, wants_download

from .access import ArticleReadersMenuItem, ArticleReadersOnlyMixin
from .models import MonthlyNoteText
from .note import build_note
from .note_render import FORMATS, headings, render

DEFAULT_FORMAT = "docx"


class NoteForm(MonthlyReportForm):
    """The month (checked as the monthly report checks it) and DOCX or HTML."""

    formats = FORMATS
    default_format = DEFAULT_FORMAT

    format = forms.CharField(
        label=_("Download as"),
        widget=forms.Select(choices=[(key, key.upper()) for key in FORMATS]),
        initial=DEFAULT_FORMAT,
        required=False,
    )


class MonthlyNoteView(ArticleReadersOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    """The note of a month (last month by default), shown and downloadable."""

    parses_parameters = True  # its form parses the month through cms.params (cms.param_guard)

    template_name = "monitoring/admin/note.html"
    page_title = _("Note to the regional administration")
    header_icon = "doc-full"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get(self, request, *args, **kwargs):
        last_month = (timezone.localdate().replace(day=1) - datetime.timedelta(days=1)).strftime("%Y-%m")
        form = NoteForm(request.GET if "month" in request.GET else None, initial={"month": last_month})
        notices: list[str] = []
        download = wants_download(request, notices)
        note = None
        if form.is_valid():
            note = build_note(month=form.cleaned_data["month"])
            if download:
                content_type, extension = FORMATS[form.cleaned_data["format"]]
                response = HttpResponse(render(note, form.cleaned_data["format"]), content_type=content_type)
                response["Content-Disposition"] = (
                    f'attachment; filename="media-note-{note.month:%Y-%m}.{extension}"'
                )
                return response
        context = self.get_context_data(
            form=form, note=note, notices=notices, headings=headings(), registry_links=True
        )
        if note is not None:
            context["text_url"] = (
                reverse("monitoring_note_texts:edit", args=[note.text.pk])
                if note.text
                else reverse("monitoring_note_texts:add")
            )
        return self.render_to_response(context)


class MonthlyNoteViewSet(ViewSet):
    icon = "doc-full"
    menu_item_class = ArticleReadersMenuItem
    menu_label = _("Monthly note")

    def get_urlpatterns(self):
        return [path("", MonthlyNoteView.as_view(), name="index")]


class MonthlyNoteTextViewSet(ModelViewSet):
    """The narrative paragraphs of each month's note."""

    model = MonthlyNoteText
    icon = "edit"
    menu_label = _("Note texts")
    list_display = ["__str__"]
    panels = [
        FieldPanel("month"),
        FieldPanel("situation"),
        FieldPanel("civil_society"),
        FieldPanel("media"),
        FieldPanel("conclusions"),
    ]
