"""Convocations, deputies, their factions and commission seats, each membership with its dates.

A change of faction or of commission is a new membership row starting on the day of the change,
the old one ending the day before, so the history stays readable on the deputy's page.
"""

import contextlib

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from modelsearch import index
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel

from cms.choices import fast_choice_displays
from registry.kinds import OrganizationKind

from ..kinds import CommissionRole, DeputyStatus
from .searchable import SearchableByName


def check_period(start, end, *, field="end_date"):
    """A period whose end precedes its start is refused, naming the end field."""
    if start and end and end < start:
        raise ValidationError({field: _("The end date cannot precede the start date.")})


#: ``hook(model, *, rows, deputy_ids)`` for each model whose bulk writes are followed: a context
#: manager the write runs in. ``council.recounting`` connects it (``AppConfig.ready``), as it connects
#: the signals of one row's save: the models do not import the recount.
BULK_WRITE_HOOKS = {}


class DatedRowQuerySet(models.QuerySet):
    """Memberships and commission seats: the writes Django sends no per-row signal for (``update``,
    ``bulk_create``, ``bulk_update``) and ``delete`` run inside the hook connected for the model, so
    the votes they affect are recounted as a save's are (``council.recounting``)."""

    def _bulk_write(self, *, rows=None, deputy_ids=()):
        hook = BULK_WRITE_HOOKS.get(self.model)
        if hook is None:
            return contextlib.nullcontext()
        return hook(self.model, rows=rows, deputy_ids={pk for pk in deputy_ids if pk is not None})

    def _assigned_deputies(self, values: dict) -> set:
        """The deputies an ``update`` gives the rows (none when it leaves the deputy alone)."""
        value = values.get("deputy", values.get("deputy_id"))
        if value is None:
            return set()
        if isinstance(value, models.Model):
            return {value.pk}
        if hasattr(value, "resolve_expression"):  # ``bulk_update``'s CASE, an F(): read before the write
            return set(self.order_by().values_list(value, flat=True).distinct())
        return {value}

    def update(self, **kwargs):
        with self._bulk_write(rows=self, deputy_ids=self._assigned_deputies(kwargs)):
            return super().update(**kwargs)

    update.alters_data = True

    def delete(self):
        with self._bulk_write(rows=self):
            return super().delete()

    delete.alters_data = True
    delete.queryset_only = True  # as Django's: never ``Membership.objects.delete()``

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        with self._bulk_write(deputy_ids={obj.deputy_id for obj in objs}):
            return super().bulk_create(objs, *args, **kwargs)

    bulk_create.alters_data = True

    def bulk_update(self, objs, fields, *args, **kwargs):
        objs = list(objs)
        with self._bulk_write(deputy_ids={obj.deputy_id for obj in objs}):
            return super().bulk_update(objs, fields, *args, **kwargs)

    bulk_update.alters_data = True


class Convocation(models.Model):
    """One convocation of the council, elected for a term (e.g. the 8th, from December 2020)."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)

    panels = [FieldPanel("number"), FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")])]

    class Meta:
        verbose_name = _("convocation")
        verbose_name_plural = _("convocations")
        ordering = ["-number"]

    def __str__(self):
        return _("Convocation %(number)s") % {"number": self.number}

    def clean(self):
        check_period(self.start_date, self.end_date)


@fast_choice_displays
class Deputy(SearchableByName, ClusterableModel):
    """A deputy of the council: a person across convocations, factions and commissions."""

    full_name = models.CharField(
        _("full name"), max_length=255, help_text=_("Surname, first name and patronymic.")
    )
    slug = models.SlugField(
        _("slug"), max_length=255, unique=True, allow_unicode=False, help_text=_("The page address.")
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=DeputyStatus.choices, default=DeputyStatus.ACTING
    )
    mandate_ended_on = models.DateField(_("mandate ended on"), null=True, blank=True)
    mandate_end_reason = models.CharField(_("reason the mandate ended"), max_length=255, blank=True)
    electoral_district = models.CharField(_("electoral district"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=64, blank=True)
    email = models.EmailField(_("email"), blank=True)
    contacts = models.TextField(_("other contacts"), blank=True)
    reception_hours = models.TextField(
        _("reception hours"), blank=True, help_text=_("Where and when the deputy receives citizens.")
    )

    #: Moved by every save (the admin's, the imports'), for the open data's «last change».
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        FieldRowPanel([FieldPanel("full_name"), FieldPanel("slug")]),
        FieldPanel("photo"),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("mandate_ended_on"), FieldPanel("mandate_end_reason")]),
            ],
            heading=_("Mandate"),
        ),
        FieldPanel("electoral_district"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                FieldPanel("contacts"),
                FieldPanel("reception_hours"),
            ],
            heading=_("Contacts"),
        ),
        InlinePanel("memberships", heading=_("Convocations and factions"), label=_("membership")),
        InlinePanel("commission_seats", heading=_("Commissions"), label=_("commission seat")),
    ]
    # The admin's and choosers' search, where it uses the search backend, completes partial names.
    search_fields = SearchableByName.search_fields + [index.AutocompleteField("full_name")]

    class Meta:
        verbose_name = _("deputy")
        verbose_name_plural = _("deputies")
        ordering = ["full_name"]

    def __str__(self):
        return self.full_name

    def search_texts(self):
        """Found in the site search by name, as «депутат», and by the electoral district."""
        return [self.full_name, _("Deputy of the city council"), self.electoral_district]

    def clean(self):
        if self.status == DeputyStatus.ENDED and not self.mandate_ended_on:
            raise ValidationError({"mandate_ended_on": _("Give the date the mandate ended.")})
        if self.status == DeputyStatus.ACTING and (self.mandate_ended_on or self.mandate_end_reason):
            raise ValidationError(
                {"status": _("An acting deputy has no date or reason of the mandate's end.")}
            )


class Membership(models.Model):
    """A deputy in a convocation, in a faction (or none) from one date to another."""

    deputy = ParentalKey(Deputy, on_delete=models.CASCADE, related_name="memberships")
    convocation = models.ForeignKey(
        Convocation, verbose_name=_("convocation"), on_delete=models.PROTECT, related_name="memberships"
    )
    faction = models.ForeignKey(
        "registry.Organization",
        verbose_name=_("faction"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="council_memberships",
        limit_choices_to={"kind": OrganizationKind.PARTY},
        help_text=_("The party organisation whose faction the deputy belongs to; empty: no faction."),
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)

    objects = DatedRowQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("convocation"), FieldPanel("faction")]),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
    ]

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["-start_date", "-pk"]

    def __str__(self):
        return f"{self.deputy} — {self.convocation}"

    def save(self, *args, **kwargs):
        # The votes the change affects are recounted on post_save (``council.recounting``): one
        # transaction, so a failed recount leaves no membership saved with stale tallies.
        with transaction.atomic(using=kwargs.get("using")):
            super().save(*args, **kwargs)

    def clean(self):
        check_period(self.start_date, self.end_date)
        if self.faction_id and self.faction.kind != OrganizationKind.PARTY:
            raise ValidationError({"faction": _("A faction must be a party organisation.")})


@fast_choice_displays
class CommissionMembership(models.Model):
    """A deputy's seat in a standing commission, with a role, from one date to another."""

    deputy = ParentalKey(Deputy, on_delete=models.CASCADE, related_name="commission_seats")
    commission = models.ForeignKey(
        "pages.CommissionPage",
        verbose_name=_("commission"),
        on_delete=models.CASCADE,
        related_name="deputy_seats",
    )
    role = models.CharField(
        _("role"), max_length=16, choices=CommissionRole.choices, default=CommissionRole.MEMBER
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)

    objects = DatedRowQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("commission"), FieldPanel("role")]),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
    ]

    class Meta:
        verbose_name = _("commission seat")
        verbose_name_plural = _("commission seats")
        ordering = ["-start_date", "-pk"]

    def __str__(self):
        return f"{self.deputy} — {self.commission}"

    def clean(self):
        check_period(self.start_date, self.end_date)
