import datetime

import pytest

from registry.models import NGO, Organization, PartyOrganization, RegistrationStatus
from registry.selectors import registry_analytics

pytestmark = pytest.mark.django_db


def test_analytics_counts_active_organisations_by_type_and_field(registry_data):
    analytics = registry_analytics(month=datetime.date(2026, 3, 1))
    assert dict(analytics.active_by_kind) == {"Громадське об'єднання": 2, "Місцева партійна організація": 3}
    assert dict(analytics.active_by_field) == {"Молодь": 2, "Культура": 1}


def test_analytics_lists_parties_with_seats_largest_first(registry_data):
    analytics = registry_analytics(month=datetime.date(2026, 3, 1))
    assert [p.name for p in analytics.parties_with_seats] == ["МО «Більша»", "МО «Менша»"]
    assert analytics.total_seats == 16


def test_analytics_takes_the_interactions_of_the_chosen_month_only(registry_data):
    analytics = registry_analytics(month=datetime.date(2026, 3, 1))
    assert [i.topic for i in analytics.interactions] == ["Бюджет участі", "Генплан"]
    assert dict(analytics.interactions_by_kind)["Громадські слухання"] == 1


def test_proxies_hold_only_their_kind(registry_data):
    assert set(NGO.objects.values_list("name", flat=True)) == {"ГО «Активна»", "ГО «Молода»", "ГО «Закрита»"}
    assert PartyOrganization.objects.count() == 3
    assert Organization.objects.count() == 6


def test_status_labels_are_the_register_terms():
    assert [label for _, label in RegistrationStatus.choices] == [
        "зареєстровано",
        "в стані припинення",
        "припинено",
    ]
