"""A registry keeper's export is the list as filtered and searched, whatever the filters."""

import csv
import io

import pytest
from django.urls import reverse

from tests.registry import factories as rf

pytestmark = pytest.mark.django_db


def test_the_export_of_a_list_filtered_by_field_of_activity_and_searched(login, keeper):
    sport = rf.FieldOfActivityFactory(name="Спорт")
    cyclists = rf.OrganizationFactory(name="ГО «Ніжинські велосипедисти»")
    cyclists.fields_of_activity.add(sport)
    rf.OrganizationFactory(name="ГО «Велосипедний клуб ветеранів»")  # found by the search, not by the filter
    runners = rf.OrganizationFactory(name="ГО «Ніжинські бігуни»")
    runners.fields_of_activity.add(sport)  # in the filter, not found by the search

    client = login(keeper)
    query = f"?fields_of_activity__id__exact={sport.pk}&q=велосипедисти"
    assert client.get("/admin/registry/ngo/" + query).status_code == 200
    response = client.get(reverse("registry_export", args=["ngo"]) + query + "&export_format=csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row["Назва"] for row in rows] == ["ГО «Ніжинські велосипедисти»"]
