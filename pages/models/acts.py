from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from cms.behaviours import HasAttachments, OpenForDiscussion, PublicationDated
from cms.choices import fast_choice_displays
from cms.forms import RequisitesForm
from cms.text import admin_default_slugs, slugify_uk
from pages.selectors import act_detail_related, act_listing, act_years

from .base import BasePage
from .kinds import ActStage, ActStatus, ActType, RelationKind

DRAFT_TYPES = ActType.of_stage(ActStage.DRAFT)


def act_slug(*, act_type, number, year):
    """The readable URL slug of an act: its type, number and year, transliterated (KMU-2010).

    The year is not repeated when the number already ends with it («4-49/2018»).
    """
    word = ActType(act_type).data.slug_word if act_type in ActType.values else str(act_type)
    words = [word, number or ""]
    if year and not (number or "").rstrip().endswith(str(year)):
        words.append(str(year))
    return slugify_uk(" ".join(words), max_length=200)


class Issuer(index.Indexed, models.Model):
    """A body that issues acts: the council, its executive committee, the mayor."""

    name = models.CharField(_("name"), max_length=255, unique=True)
    short_name = models.CharField(_("short name"), max_length=64, blank=True)
    slug = models.SlugField(_("slug"), max_length=64, unique=True, help_text=_("Used in filter links."))
    aliases = models.TextField(
        _("other names"),
        blank=True,
        help_text=_("One per line: how the old site or other sources name this body. Used to match imports."),
    )

    panels = [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("slug"), FieldPanel("aliases")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("issuer")
        verbose_name_plural = _("issuers")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def alias_list(self):
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]


class ActIndexPage(BasePage):
    """The register of acts: filterable by type, issuer, year, status and number."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.ActPage"]

    class Meta:
        verbose_name = _("acts index")
        verbose_name_plural = _("acts indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        acts = ActPage.objects.live().public().child_of(self)
        context["listing"] = act_listing(
            acts=acts,
            params=request.GET,
            types=ActType.choices,
            statuses=ActStatus.choices,
            issuers=Issuer.objects.all(),
        )
        context["years"] = [(year, year) for year in act_years(acts=acts)]
        context["issuers"] = Issuer.objects.values_list("slug", "name")
        context["act_types"] = ActType.choices
        context["statuses"] = ActStatus.choices
        return context


@fast_choice_displays
class ActPage(PublicationDated, HasAttachments, OpenForDiscussion, BasePage):
    """A normative act or a draft of one, as published by the council."""

    act_type = models.CharField(_("act type"), max_length=32, choices=ActType.current_choices, db_index=True)
    number = models.CharField(
        _("number"),
        max_length=64,
        blank=True,
        db_index=True,
        help_text=_("As written on the act, e.g. «4-49/2018» or «312». Empty for drafts without a number."),
    )
    issuer = models.ForeignKey(
        Issuer, null=True, blank=True, on_delete=models.PROTECT, related_name="acts", verbose_name=_("issuer")
    )
    convocation = models.PositiveSmallIntegerField(_("convocation"), null=True, blank=True)
    session = models.CharField(
        _("session or meeting"),
        max_length=64,
        blank=True,
        help_text=_("Council session (e.g. «49 сесія») or executive committee meeting number."),
    )
    adopted_on = models.DateField(_("adoption date"), null=True, blank=True, db_index=True)
    effective_from = models.DateField(_("takes effect on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=ActStatus.choices, default=ActStatus.ADOPTED, db_index=True
    )
    planned_consideration_on = models.DateField(
        _("planned consideration date"),
        null=True,
        blank=True,
        help_text=_("For drafts: when the council or the executive committee is to consider it."),
    )
    adopted_as = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        # The link is never silently lost: the decision cannot be deleted while a draft names it.
        on_delete=models.RESTRICT,
        related_name="drafts",
        verbose_name=_("adopted as"),
        help_text=_("For drafts: the decision adopted from this draft."),
    )
    summary = models.TextField(_("summary"), blank=True)
    body = RichTextField(_("text"), blank=True)

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("act_type"), FieldPanel("number"), FieldPanel("status")]),
                FieldRowPanel([FieldPanel("issuer"), FieldPanel("convocation"), FieldPanel("session")]),
                FieldRowPanel(
                    [*PublicationDated.panels, FieldPanel("adopted_on"), FieldPanel("effective_from")]
                ),
                FieldPanel("requisite_change_reason"),
            ],
            heading=_("Requisites"),
        ),
        MultiFieldPanel(
            [FieldPanel("planned_consideration_on"), *OpenForDiscussion.panels, FieldPanel("adopted_as")],
            heading=_("Draft"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        *HasAttachments.panels,
        InlinePanel("relations", label=_("Relations to other acts")),
    ]
    search_fields = (
        BasePage.search_fields
        + PublicationDated.search_fields
        + OpenForDiscussion.search_fields
        + [
            index.SearchField("number", boost=5),
            index.AutocompleteField("number"),
            index.SearchField("summary"),
            index.SearchField("body"),
            index.FilterField("act_type"),
            index.FilterField("status"),
            index.FilterField("issuer"),
            index.FilterField("number"),
            index.FilterField("adopted_on"),
            index.RelatedFields("issuer", [index.SearchField("name")]),
        ]
    )

    parent_page_types = ["pages.ActIndexPage"]
    subpage_types = []
    #: Once the act is published, these change only by a moderator and with a reason (cms.forms).
    requisite_fields = ("act_type", "number", "adopted_on", "issuer")
    base_form_class = RequisitesForm

    class Meta:
        verbose_name = _("act")
        verbose_name_plural = _("acts")

    @cached_property
    def live_drafts(self):
        """The live drafts adopted as this decision, oldest first (the act page's selector sets it
        from its flags, so a decision without drafts costs no query here)."""
        return list(
            type(self)
            .objects.live()
            .public()
            .select_related("issuer")
            .filter(adopted_as=self)
            .order_by("date", "pk")
        )

    @property
    def is_draft(self):
        return self.act_type in DRAFT_TYPES

    @property
    def year(self):
        day = self.adopted_on or self.date
        return day.year if day else None

    def full_clean(self, *args, **kwargs):
        # A new act whose slug the editor left as the admin filled it in gets the readable
        # «type-number-year» slug; after creation the system never touches the slug again.
        # The siblings are known once the page has its place in the tree (``add_child`` sets
        # the path before it saves, and saving cleans).
        left_default = self.slug in admin_default_slugs(self.title)
        if self.pk is None and self.path and self.number and left_default:
            self.slug = self.free_slug(act_slug(act_type=self.act_type, number=self.number, year=self.year))
        super().full_clean(*args, **kwargs)

    def free_slug(self, base):
        """``base``, or ``base-2``, ``base-3``... : the first slug no sibling of this page has."""
        siblings = self.get_parent().get_children()
        if self.pk:
            siblings = siblings.exclude(pk=self.pk)
        taken = set(siblings.filter(slug__startswith=base).values_list("slug", flat=True))
        candidate, suffix = base, 1
        while candidate in taken:
            suffix += 1
            candidate = f"{base}-{suffix}"
        return candidate

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(act_detail_related(self))
        return context

    def clean(self):
        super().clean()
        if self.adopted_as_id and not self.is_draft:
            raise ValidationError(
                {"adopted_as": _("Only a draft can be linked to the decision adopted from it.")}
            )
        if self.adopted_as_id and self.adopted_as_id == self.pk:
            raise ValidationError({"adopted_as": _("A draft cannot be adopted as itself.")})
        if self.effective_from and self.adopted_on and self.effective_from < self.adopted_on:
            raise ValidationError({"effective_from": _("An act cannot take effect before it is adopted.")})


@fast_choice_displays
class ActRelation(Orderable):
    """This act amends or repeals another; shown on both acts."""

    source = ParentalKey(ActPage, on_delete=models.CASCADE, related_name="relations")
    kind = models.CharField(_("relation"), max_length=16, choices=RelationKind.choices)
    target = models.ForeignKey(
        # RESTRICT: an act others amend or repeal cannot be deleted (unless they go with it).
        ActPage,
        on_delete=models.RESTRICT,
        related_name="incoming_relations",
        verbose_name=_("act"),
    )

    panels = [FieldPanel("kind"), FieldPanel("target")]

    class Meta(Orderable.Meta):
        verbose_name = _("relation to an act")
        verbose_name_plural = _("relations to acts")
        constraints = [
            models.UniqueConstraint(fields=["source", "kind", "target"], name="unique_act_relation"),
        ]
