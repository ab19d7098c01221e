"""Reads for the registry's analytics: what the department reports on."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q, Sum

from .models import (
    FieldOfActivity,
    Interaction,
    InteractionKind,
    LegalForm,
    Organization,
    OrganizationKind,
    PartyOrganization,
    RegistrationStatus,
)


def next_month(month: datetime.date) -> datetime.date:
    return (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


@dataclass
class RegistryAnalytics:
    month: datetime.date
    active_by_kind: list[tuple[str, int]]
    active_by_legal_form: list[tuple[str, int]]
    active_by_field: list[tuple[str, int]]
    parties_with_seats: list[PartyOrganization]
    total_seats: int
    interactions: list[Interaction]
    interactions_by_kind: list[tuple[str, int]]


def _labelled_counts(choices, counts: dict) -> list[tuple[str, int]]:
    return [(str(label), counts.get(value, 0)) for value, label in choices.choices]


def registry_analytics(*, month: datetime.date) -> RegistryAnalytics:
    """Active organisations by type, legal form and field of activity; seats; the month's interactions."""
    active = Organization.objects.filter(status=RegistrationStatus.REGISTERED)
    by_kind = dict(active.values_list("kind").annotate(n=Count("pk")).order_by())
    by_form = dict(active.values_list("legal_form").annotate(n=Count("pk")).order_by())
    by_field = [
        (term.name, term.active_count)
        for term in FieldOfActivity.objects.annotate(
            active_count=Count("organizations", filter=Q(organizations__status=RegistrationStatus.REGISTERED))
        ).order_by("-active_count", "name")
    ]
    parties = PartyOrganization.objects.filter(seats__gt=0).order_by("-seats", "name")
    interactions = (
        Interaction.objects.filter(date__gte=month, date__lt=next_month(month))
        .prefetch_related("organizations")
        .order_by("date", "pk")
    )
    by_interaction_kind = dict(interactions.values_list("kind").annotate(n=Count("pk")).order_by())
    return RegistryAnalytics(
        month=month,
        active_by_kind=_labelled_counts(OrganizationKind, by_kind),
        active_by_legal_form=[(label, n) for label, n in _labelled_counts(LegalForm, by_form) if n],
        active_by_field=by_field,
        parties_with_seats=list(parties),
        total_seats=parties.aggregate(total=Sum("seats"))["total"] or 0,
        interactions=list(interactions),
        interactions_by_kind=_labelled_counts(InteractionKind, by_interaction_kind),
    )
