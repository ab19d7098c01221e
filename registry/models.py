"""The registries of the city's NGOs and local party organisations, and the work done with them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from .kinds import OrganizationKind
from .validators import validate_edrpou

__all__ = [
    "NGO",
    "FieldOfActivity",
    "Interaction",
    "InteractionKind",
    "LegalForm",
    "Organization",
    "OrganizationKind",
    "PartyOrganization",
    "RegistrationStatus",
]


class LegalForm(models.TextChoices):
    """Organisational and legal forms (КОПФГ) the registries hold."""

    PUBLIC_ORGANIZATION = "public_organization", _("Public organisation")
    PUBLIC_UNION = "public_union", _("Public union")
    CHARITY = "charity", _("Charitable organisation")
    RELIGIOUS = "religious", _("Religious organisation")
    TRADE_UNION = "trade_union", _("Trade union")
    TRADE_UNION_ASSOCIATION = "trade_union_association", _("Association of trade unions")
    EMPLOYERS = "employers", _("Employers' organisation")
    CONDOMINIUM = "condominium", _("Association of co-owners of an apartment building")
    SELF_ORGANIZATION = "self_organization", _("Body of population self-organisation")
    CREATIVE_UNION = "creative_union", _("Creative union")
    PARTY_BRANCH = "party_branch", _("Structural unit of a political party")
    OTHER = "other", _("Other")


class RegistrationStatus(models.TextChoices):
    """The status as the Unified State Register writes it."""

    REGISTERED = "registered", "зареєстровано"
    TERMINATING = "terminating", "в стані припинення"
    TERMINATED = "terminated", "припинено"


class FieldOfActivity(models.Model):
    """A managed vocabulary term: what an organisation works on (youth, veterans, culture…)."""

    name = models.CharField(_("name"), max_length=128, unique=True)

    class Meta:
        verbose_name = _("field of activity")
        verbose_name_plural = _("fields of activity")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Organization(index.Indexed, models.Model):
    """An NGO or a local organisation of a political party, identified by its EDRPOU code."""

    kind = models.CharField(
        _("type"), max_length=8, choices=OrganizationKind.choices, default=OrganizationKind.NGO, db_index=True
    )
    name = models.CharField(_("name"), max_length=512)
    short_name = models.CharField(_("short name"), max_length=255, blank=True)
    edrpou = models.CharField(_("EDRPOU code"), max_length=8, unique=True, validators=[validate_edrpou])
    legal_form = models.CharField(
        _("legal form"), max_length=32, choices=LegalForm.choices, default=LegalForm.PUBLIC_ORGANIZATION
    )
    registration_date = models.DateField(_("registration date"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.REGISTERED,
        db_index=True,
    )
    address = models.CharField(_("address"), max_length=512, blank=True)
    head = models.CharField(_("head"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=64, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    fields_of_activity = models.ManyToManyField(
        FieldOfActivity, blank=True, related_name="organizations", verbose_name=_("fields of activity")
    )
    notes = models.TextField(_("notes"), blank=True)
    party = models.CharField(
        _("party"),
        max_length=255,
        blank=True,
        help_text=_("For a local party organisation: the political party."),
    )
    faction = models.CharField(_("council faction"), max_length=255, blank=True)
    seats = models.PositiveSmallIntegerField(_("seats in the council"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    search_fields = [
        index.SearchField("name", boost=3),
        index.SearchField("short_name", boost=3),
        index.SearchField("edrpou", boost=5),
        index.SearchField("head"),
        index.SearchField("address"),
        index.SearchField("party"),
        index.SearchField("notes"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
        index.FilterField("status"),
        index.FilterField("legal_form"),
        # Every column the admin lists can sort a search's results.
        index.FilterField("name"),
        index.FilterField("edrpou"),
        index.FilterField("registration_date"),
        index.FilterField("party"),
        index.FilterField("faction"),
        index.FilterField("seats"),
        index.FilterField("id"),  # the admin's tie-breaker
    ]

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.short_name or self.name

    @property
    def is_active(self):
        return self.status == RegistrationStatus.REGISTERED


class KindManager(models.Manager):
    """The organisations of one kind: the default manager of the proxies below."""

    def __init__(self, kind):
        super().__init__()
        self.kind = kind

    def deconstruct(self):
        return False, f"{__name__}.{type(self).__name__}", None, (self.kind,), {}

    def get_queryset(self):
        return super().get_queryset().filter(kind=self.kind)


class NGO(Organization):
    """The civil society organisations of the registry: a view of Organization for the admin."""

    objects = KindManager(OrganizationKind.NGO)

    class Meta:
        proxy = True
        verbose_name = _("civil society organisation")
        verbose_name_plural = _("civil society organisations")


class PartyOrganization(Organization):
    """The local organisations of political parties: a view of Organization for the admin."""

    objects = KindManager(OrganizationKind.PARTY)

    class Meta:
        proxy = True
        verbose_name = _("local party organisation")
        verbose_name_plural = _("local party organisations")


class InteractionKind(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    EVENT = "event", _("Event")
    APPEAL = "appeal", _("Appeal")
    CONSULTATION = "consultation", _("Consultation")
    PUBLIC_HEARING = "public_hearing", _("Public hearing")


class Interaction(index.Indexed, models.Model):
    """A piece of work with organisations: a meeting, event, appeal, consultation or hearing."""

    kind = models.CharField(_("kind"), max_length=16, choices=InteractionKind.choices)
    date = models.DateField(_("date"), db_index=True)
    organizations = models.ManyToManyField(
        Organization, related_name="interactions", verbose_name=_("organisations")
    )
    topic = models.CharField(_("topic"), max_length=512)
    outcome = models.TextField(_("outcome"), blank=True)

    search_fields = [
        index.SearchField("topic"),
        index.SearchField("outcome"),
        index.FilterField("kind"),
        index.FilterField("date"),
        index.FilterField("topic"),
        index.FilterField("id"),
    ]

    class Meta:
        verbose_name = _("interaction")
        verbose_name_plural = _("interactions")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.date:%d.%m.%Y} — {self.topic}"
