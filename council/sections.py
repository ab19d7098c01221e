"""The members section of a commission's page, from the deputies' records: registered with ``cms.sections``.

The commission page keeps its free-text member list (pages does not know this app); this section
adds the current seats, chair first, each linked to the deputy's page.
"""

import datetime

from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from pages.models import CommissionPage

from .kinds import CommissionRole
from .models import CommissionMembership

ROLE_ORDER = {role: number for number, role in enumerate(CommissionRole)}


def current_seats(commission: CommissionPage, *, today: datetime.date):
    """The seats of ``commission`` held on ``today``: chair, deputy chair, secretary, members by name."""
    seats = (
        CommissionMembership.objects.filter(commission=commission, start_date__lte=today)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=today))
        .select_related("deputy")
    )
    return sorted(seats, key=lambda seat: (ROLE_ORDER[seat.role], seat.deputy.full_name))


def commission_members_section(page, request) -> str:
    if not isinstance(page, CommissionPage):
        return ""
    seats = current_seats(page, today=timezone.localdate())
    if not seats:
        return ""
    return render_to_string("council/commission_members.html", {"seats": seats}, request=request)
