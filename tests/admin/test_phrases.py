"""The phrases Wagtail builds from a model's name read as Ukrainian: right case, right number."""

import pytest
from django.utils.html import escape

from pages.models import Issuer
from tests import factories as f
from tests.registry.factories import OrganizationFactory


def text_of(response):
    return " ".join(response.content.decode().split())


@pytest.mark.parametrize(
    ("count", "phrase"),
    [(1, "1 документ"), (2, "2 документи"), (5, "5 документів"), (11, "11 документів"), (21, "21 документ")],
)
def test_dashboard_counts_documents_with_the_plural_form_of_the_number(superuser_client, count, phrase):
    f.DocumentFactory.create_batch(count)
    assert f"{phrase} <span" in text_of(superuser_client.get("/admin/"))


def test_add_button_names_the_model_in_the_nominative(superuser_client):
    response = superuser_client.get("/admin/registry/partyorganization/")
    assert "Додати: місцева партійна організація" in text_of(response)
    assert "Додати місцева" not in text_of(response)


def test_empty_registry_list_says_it_is_empty_in_ukrainian(superuser_client):
    response = superuser_client.get("/admin/registry/ngo/")
    assert escape("Список «громадські об'єднання» порожній.") in text_of(response)


def test_empty_snippet_list_says_it_is_empty_in_ukrainian(superuser_client):
    response = superuser_client.get("/admin/snippets/search/synonymgroup/")
    assert "Список «групи синонімів» порожній." in text_of(response)


def test_workflow_button_names_the_moderators_approval_in_ukrainian(superuser_client, home_page):
    response = superuser_client.get(f"/admin/pages/{home_page.pk}/edit/")
    assert "Надіслати в процес «Затвердження модераторами»" in text_of(response)


def test_upload_tab_of_the_image_chooser_says_upload_a_file(superuser_client):
    response = superuser_client.get("/admin/images/chooser/")
    assert "Завантажити файл" in response.json()["html"]


@pytest.mark.parametrize("count", [0, 1, 2, 5])
def test_registry_list_counts_its_organisations_after_their_name(superuser_client, count):
    OrganizationFactory.create_batch(count)
    assert escape(f"Громадські об'єднання: {count}") in text_of(superuser_client.get("/admin/registry/ngo/"))


def test_snippet_list_counts_its_items_after_their_name(superuser_client):
    f.IssuerFactory.create_batch(5)
    count = Issuer.objects.count()  # 5 and the council's own, which come with the site
    text = text_of(superuser_client.get("/admin/snippets/pages/issuer/"))
    assert f"Органи, що видають акти: {count}" in text
