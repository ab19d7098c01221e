"""The admin's query strings vetted before Wagtail's filters read them (``cms.param_guard``)."""

import pytest
from django.http import QueryDict

from cms import params
from cms.param_guard import clean_admin_query


@pytest.mark.parametrize("raw", ["1\x00", "\x00", "9" * 19, "-" + "9" * 30, "２" * 25, "x" * 2001])
def test_admin_value_refuses_nul_overlong_and_numbers_past_a_database_integer(raw):
    with pytest.raises(params.BadParameter):
        params.admin_value(raw, name="collection_id")


@pytest.mark.parametrize("raw", ["", "42", "²", "２０１８", "abc", str(2**63 - 1), "9" * 10_000])
def test_admin_value_lets_through_what_the_filters_refuse_themselves(raw):
    # ``int()`` refuses «²» and 10,000 digits with a ValueError, which django-filter turns into a form error.
    assert params.admin_value(raw, name="collection_id", max_length=20_000) == raw.strip()


def test_a_search_may_be_any_long_number():
    assert params.admin_value("9" * 30, name="q", free_text=True) == "9" * 30


def test_clean_admin_query_drops_only_the_bad_parameter_and_names_it():
    query = QueryDict(mutable=True)
    query.setlist("draft", ["9" * 25])
    query.setlist("q", ["9" * 25])
    query.setlist("status", ["pending"])
    query.setlist("\x00name", ["a\x00"])
    cleaned, notices = clean_admin_query(query)
    assert dict(cleaned.lists()) == {"q": ["9" * 25], "status": ["pending"]}
    assert len(notices) == 2 and "«draft»" in notices[0] and "\x00" not in notices[1]


@pytest.mark.django_db
def test_a_nul_byte_in_a_wagtail_listing_filter_is_a_notice(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.org", "pw"))
    response = client.get("/admin/documents/", {"collection_id": "1\x00", "q": "звіт"})
    assert response.status_code == 200
    texts = [str(message) for message in response.context["messages"]]
    assert texts == ["Параметр «collection_id» містить керівні символи. Параметр не враховано."]


@pytest.mark.django_db
def test_a_usage_count_filter_is_dropped_from_a_document_search(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.org", "pw"))
    response = client.get("/admin/documents/", {"q": "звіт", "usage_count_min": "1"})
    assert response.status_code == 200
    texts = [str(message) for message in response.context["messages"]]
    assert texts == ["Фільтр «usage_count_min» не можна поєднати з пошуком; його не враховано."]
