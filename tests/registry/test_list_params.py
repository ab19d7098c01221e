"""Hostile query strings against every registry admin URL a keeper can open: never a 500."""

import pytest
from django.http import QueryDict
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from registry import list_params
from registry.models import NGO

pytestmark = pytest.mark.django_db

URLS = [
    "/admin/registry/ngo/",
    "/admin/registry/partyorganization/",
    "/admin/registry/interaction/",
    "/admin/registry/fieldofactivity/",
    "/admin/registry/export/ngo/",
    "/admin/registry/export/party/",
    "/admin/registry/analytics/",
    "/admin/registry/import/ngo/preview/",
]
NAMES = [
    "q",
    "p",
    "o",
    "ot",
    "month",
    "export_format",
    "file",
    "show",
    "status__exact",
    "legal_form__exact",
    "party__exact",
    "party__isnull",
    "fields_of_activity__id__exact",
    "fields_of_activity__isnull",
    "kind__exact",
    "date__gte",
    "date__lt",
]
VALUES = st.one_of(
    st.text(max_size=40),
    st.integers().map(str),
    st.sampled_from(["abc", "\x00", "²", "١٢", "9" * 400, "9999-12", "-1", "1e999", "True", "%", "'"]),
)


def test_unknown_and_bad_parameters_are_dropped_with_a_notice_each():
    query = QueryDict("status__exact=abc&q=Світанок&evil=1&fields_of_activity__id__exact=7")
    parsers = list_params.list_parsers(NGO, ("status", "fields_of_activity"))

    cleaned, notices = list_params.clean_query(query, parsers)

    assert cleaned.dict() == {"q": "Світанок", "fields_of_activity__id__exact": "7"}
    assert len(notices) == 2


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(url=st.sampled_from(URLS), query=st.dictionaries(st.sampled_from(NAMES), VALUES, max_size=3))
def test_no_query_string_makes_a_registry_admin_url_fail(keeper_client, url, query):
    response = keeper_client.get(url, query)
    assert response.status_code < 500, (url, query)
