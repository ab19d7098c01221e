"""Reads for the public pages: deputies by convocation and faction, a deputy with his or her history."""

from django.db.models import Prefetch

from registry.models import Organization

from .models import CommissionMembership, Convocation, Deputy, Membership


def factions_of(convocation: Convocation):
    """The party organisations with a faction membership in ``convocation``, by name."""
    return Organization.objects.filter(
        pk__in=Membership.objects.filter(convocation=convocation, faction__isnull=False).values("faction")
    ).order_by("name")


def deputies_of(*, convocation: Convocation, faction: Organization | None = None):
    """Deputies of ``convocation`` (ever in ``faction``, if given), each with its memberships there.

    ``deputy.terms`` holds the memberships of that convocation, latest first, factions joined:
    the list shows the current faction without a query per deputy.
    """
    memberships = Membership.objects.filter(convocation=convocation)
    if faction is not None:
        memberships = memberships.filter(faction=faction)
    return Deputy.objects.filter(pk__in=memberships.values("deputy")).prefetch_related(
        Prefetch(
            "memberships",
            queryset=Membership.objects.filter(convocation=convocation).select_related("faction"),
            to_attr="terms",
        )
    )


def deputy_history(deputy: Deputy) -> dict:
    """A deputy's memberships (convocations, factions) and live commission seats, latest first."""
    return {
        "memberships": deputy.memberships.select_related("convocation", "faction"),
        "seats": CommissionMembership.objects.filter(deputy=deputy, commission__live=True)
        .select_related("commission")
        .order_by("-start_date", "-pk"),
    }
