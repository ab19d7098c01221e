"""The monitoring in the Wagtail admin: sources, the watch list, articles to review and their mentions.

Articles and mentions come from the fetcher only: the list shows each article's matched phrases
and filters by them; the article screen shows the article and its mentions read-only beside the
reviewer's fields (relevant, tone, note), and there is nothing to add.
"""

import django_filters
from django import forms
from django.forms import modelform_factory
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .digest_views import DigestViewSet
from .models import Article, Source, Tone, WatchEntry, WatchKind
from .note_views import MonthlyNoteTextViewSet, MonthlyNoteViewSet
from .panels import MentionsPanel
from .watchlist import RegistryNames, registry_admin_url

RELEVANCE_CHOICES = [("true", _("Relevant")), ("false", _("Not relevant")), ("unknown", _("Not reviewed"))]


class ArticleFilterSet(WagtailFilterSet):
    source = django_filters.ModelChoiceFilter(label=_("source"), queryset=Source.objects.all())
    tone = django_filters.ChoiceFilter(label=_("tone"), choices=Tone.choices[1:])
    published = django_filters.DateFromToRangeFilter(label=_("published"), widget=DateRangePickerWidget)
    relevant = django_filters.ChoiceFilter(
        label=_("relevant"), choices=RELEVANCE_CHOICES, method="filter_relevant"
    )
    entry = django_filters.ModelChoiceFilter(
        label=_("watch-list entry"), queryset=WatchEntry.objects.all(), field_name="mentions__entry"
    )
    entry_kind = django_filters.ChoiceFilter(
        label=_("kind of entry mentioned"), choices=WatchKind.choices, field_name="mentions__entry__kind"
    )

    class Meta:
        model = Article
        fields = ["source", "tone", "published", "relevant", "entry", "entry_kind"]

    def filter_relevant(self, queryset, name, value):
        if value == "unknown":
            return queryset.filter(relevant__isnull=True)
        return queryset.filter(relevant=value == "true")


class ArticleIndexView(generic.IndexView):
    def get_add_url(self):
        return None  # articles come from the fetcher only


class ArticleViewSet(ModelViewSet):
    model = Article
    icon = "doc-full"
    menu_label = _("Articles")
    index_view_class = ArticleIndexView
    copy_view_enabled = False  # articles come from the fetcher only (its «copy» is an add, and a 500)
    filterset_class = ArticleFilterSet
    list_display = [
        "title",
        "source",
        DateColumn("published", label=_("published")),
        Column("matched_phrases", label=_("mentions")),
        "relevant",
        "tone",
    ]
    search_fields = ["title", "text"]
    list_per_page = 50
    ordering = ["-published", "-pk"]

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("title", read_only=True),
                FieldRowPanel(
                    [FieldPanel("source", read_only=True), FieldPanel("published", read_only=True)]
                ),
                FieldPanel("url", read_only=True),
            ],
            heading=_("Article"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("relevant"), FieldPanel("tone")]), FieldPanel("note")],
            heading=_("Review"),
        ),
        MentionsPanel(),
    ]

    def get_queryset(self, request):
        return Article.objects.select_related("source").prefetch_related("mentions").distinct()

    def get_urlpatterns(self):
        return [pattern for pattern in super().get_urlpatterns() if pattern.name != "add"]


class SourceViewSet(ModelViewSet):
    model = Source
    icon = "globe"
    menu_label = _("Sources")
    list_display = [
        "name",
        "kind",
        "enabled",
        DateColumn("last_fetch_at", label=_("last fetched at")),
        "last_status",
    ]
    list_filter = ["kind", "enabled", "last_status"]
    search_fields = ["name", "url"]
    form_fields = ["name", "slug", "kind", "url", "link_selector", "date_format", "check_interval", "enabled"]
    inspect_view_enabled = True
    # The conditional-GET validators (ETag, Last-Modified) are the fetcher's, not the editors'.
    inspect_view_fields = [
        "name",
        "slug",
        "kind",
        "url",
        "link_selector",
        "date_format",
        "check_interval",
        "enabled",
        "last_fetch_at",
        "last_status",
        "last_error",
    ]


class WatchEntryFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(label=_("kind"), choices=WatchKind.choices)

    class Meta:
        model = WatchEntry
        fields = ["kind", "enabled"]


class WatchEntryForm(forms.ModelForm):
    """The entry's form: the registry organisation is offered by its full name and EDRPOU code (two
    organisations may share a short name), and an organisation entry saved without one is linked by
    its phrase (``RegistryNames``) when it is new or its phrase changed: a link the editor emptied on
    an unchanged entry stays empty."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organisation = self.fields["organisation"]
        organisation.queryset = organisation.queryset.order_by("name", "pk")
        organisation.label_from_instance = lambda org: f"{org.name} ({org.edrpou})"

    def clean(self):
        cleaned = super().clean()
        new_name = self.instance.pk is None or "phrase" in self.changed_data
        if cleaned.get("kind") == WatchKind.ORGANISATION and not cleaned.get("organisation") and new_name:
            pk = RegistryNames.load().find(cleaned.get("phrase") or "")
            if pk is not None:
                cleaned["organisation"] = self.fields["organisation"].queryset.get(pk=pk)
        return cleaned


class RegistryLinkColumn(Column):
    """An organisation entry's registry organisation, linked to its record in the registry."""

    def get_value(self, instance):
        organisation = instance.organisation
        if organisation is None:
            return ""
        return format_html('<a href="{}">{}</a>', registry_admin_url(organisation), organisation)


class WatchEntryViewSet(ModelViewSet):
    model = WatchEntry
    icon = "view"
    menu_label = _("Watch list")
    list_display = [
        "phrase",
        "kind",
        RegistryLinkColumn("organisation", label=_("registry organisation")),
        "enabled",
    ]
    filterset_class = WatchEntryFilterSet
    search_fields = ["phrase"]
    form_fields = ["kind", "phrase", "organisation", "enabled"]

    def get_form_class(self, for_update=False):
        return modelform_factory(
            self.model,
            form=WatchEntryForm,
            fields=self.form_fields,
            formfield_callback=self.formfield_for_dbfield,
        )

    def get_queryset(self, request):
        return WatchEntry.objects.select_related("organisation")


class MonitoringGroup(ViewSetGroup):
    menu_label = _("Media monitoring")
    menu_icon = "globe"
    menu_order = 260
    items = (
        DigestViewSet("monitoring_digest", url_prefix="monitoring/digest"),
        MonthlyNoteViewSet("monitoring_note", url_prefix="monitoring/note"),
        MonthlyNoteTextViewSet("monitoring_note_texts", url_prefix="monitoring/note-texts"),
        ArticleViewSet("monitoring_articles", url_prefix="monitoring/articles"),
        SourceViewSet("monitoring_sources", url_prefix="monitoring/sources"),
        WatchEntryViewSet("monitoring_watch", url_prefix="monitoring/watch"),
    )
