import datetime
import json
import re

import pytest

from registry.models import Organization, OrganizationKind, RegistrationStatus
from registry.tasks import update_search_index

from .factories import FieldOfActivityFactory, OrganizationFactory, PartyOrganizationFactory

pytestmark = pytest.mark.django_db

NGO_INDEX = "/admin/registry/ngo/"
PARTY_INDEX = "/admin/registry/partyorganization/"
IMPORT_NGO = "/admin/registry/import/ngo/"


def sidebar_entries(html):
    """(label, url) of every item of the admin's sidebar menu, read from its JSON props."""
    props = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S
    )
    entries = []

    def walk(node):
        if isinstance(node, dict):
            if "label" in node:
                entries.append((node["label"], node.get("url")))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(props.group(1)))
    return entries


def test_keeper_sees_the_registries_menu(keeper_client):
    entries = sidebar_entries(keeper_client.get("/admin/").content.decode())
    labels, urls = {label for label, _ in entries}, {url for _, url in entries}
    assert {"Реєстри", "Громадські об'єднання", "Партійні організації", "Аналітика"} <= labels
    assert {NGO_INDEX, PARTY_INDEX, "/admin/registry/analytics/"} <= urls


def test_news_editor_does_not_see_the_registries_menu(editor_client):
    response = editor_client.get("/admin/")
    assert response.status_code == 200
    entries = sidebar_entries(response.content.decode())
    assert entries  # the editor does have a menu
    assert "Реєстри" not in {label for label, _ in entries}
    assert not {url for _, url in entries if url and url.startswith("/admin/registry/")}


@pytest.mark.parametrize(
    "url", [NGO_INDEX, PARTY_INDEX, "/admin/registry/interaction/", "/admin/registry/fieldofactivity/"]
)
def test_news_editor_is_turned_away_from_the_lists(editor_client, url):
    response = editor_client.get(url)
    # Wagtail answers a permission denied inside the admin by a redirect to the dashboard with a message.
    assert (response.status_code, response["Location"]) == (302, "/admin/")


@pytest.mark.parametrize(
    "url",
    [
        IMPORT_NGO,
        "/admin/registry/import/party/",
        "/admin/registry/export/ngo/",
        "/admin/registry/analytics/",
    ],
)
def test_news_editor_is_turned_away_from_import_export_and_analytics(editor_client, url):
    response = editor_client.get(url)
    assert (response.status_code, response["Location"]) == (302, "/admin/")


def test_superuser_sees_the_registries(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("root", "root@example.org", "pass-root"))
    assert client.get(NGO_INDEX).status_code == 200
    assert "Реєстри" in {label for label, _ in sidebar_entries(client.get("/admin/").content.decode())}


def test_anonymous_visitor_is_sent_to_the_login(client):
    response = client.get(IMPORT_NGO)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_ngo_list_shows_ngos_and_not_parties(keeper_client):
    OrganizationFactory(name="ГО «Світанок»")
    PartyOrganizationFactory(name="МО партії «Обрій»")
    html = keeper_client.get(NGO_INDEX).content.decode()
    assert "ГО «Світанок»" in html and "МО партії «Обрій»" not in html
    assert 'id="registry-import"' in html and "export_format=xlsx" in html
    party_html = keeper_client.get(PARTY_INDEX).content.decode()
    assert "МО партії «Обрій»" in party_html and "ГО «Світанок»" not in party_html


def test_list_filters_by_status_and_field_of_activity(keeper_client):
    veterans = FieldOfActivityFactory(name="Ветерани")
    OrganizationFactory(name="ГО «Чинна»").fields_of_activity.add(veterans)
    OrganizationFactory(name="ГО «Припинена»", status=RegistrationStatus.TERMINATED)

    html = keeper_client.get(NGO_INDEX, {"status__exact": "terminated"}).content.decode()
    assert "ГО «Припинена»" in html and "ГО «Чинна»" not in html
    html = keeper_client.get(NGO_INDEX, {"fields_of_activity__id__exact": veterans.pk}).content.decode()
    assert "ГО «Чинна»" in html and "ГО «Припинена»" not in html


def test_list_search_goes_through_the_search_backend(keeper_client, search_backend):
    OrganizationFactory(name="ГО «Світанок»", head="Коваленко Марія")
    OrganizationFactory(name="ГО «Обрій»")
    search_backend.refresh_indexes()
    # The head is not shown in the list: only the index can match it.
    html = keeper_client.get(NGO_INDEX, {"q": "Коваленко"}).content.decode()
    assert "ГО «Світанок»" in html and "ГО «Обрій»" not in html


def test_list_search_within_a_field_of_activity(keeper_client, search_backend):
    veterans = FieldOfActivityFactory(name="Ветерани")
    OrganizationFactory(name="ГО «Світанок ветеранів»").fields_of_activity.add(veterans)
    OrganizationFactory(name="ГО «Світанок»")
    search_backend.refresh_indexes()
    query = {"q": "Світанок", "fields_of_activity__id__exact": veterans.pk}
    html = keeper_client.get(NGO_INDEX, query).content.decode()
    assert "ГО «Світанок ветеранів»" in html and "ГО «Світанок»<" not in html


@pytest.mark.parametrize(
    ("url", "columns"), [(NGO_INDEX, 5), (PARTY_INDEX, 6), ("/admin/registry/interaction/", 3)]
)
def test_every_column_sorts_a_search(keeper_client, search_backend, url, columns):
    OrganizationFactory(name="ГО «Світанок»")
    search_backend.refresh_indexes()
    for column in range(columns):
        for order in (str(column), f"-{column}"):
            assert keeper_client.get(url, {"q": "Світанок", "o": order}).status_code == 200, order


def test_inspect_view_shows_the_organisation(keeper_client):
    organization = OrganizationFactory(name="ГО «Світанок»", head="Коваленко Марія")
    response = keeper_client.get(f"{NGO_INDEX}inspect/{organization.pk}/")
    assert response.status_code == 200
    assert "Коваленко Марія" in response.content.decode()


def test_party_added_from_the_party_list_is_a_party(keeper_client):
    response = keeper_client.post(
        f"{PARTY_INDEX}create/",
        {
            "name": "МО партії «Новий обрій»",
            "short_name": "",
            "edrpou": "38516849",
            "registration_date": "",
            "status": "registered",
            "party": "Партія «Новий обрій»",
            "faction": "",
            "seats": "3",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Organization.objects.get(edrpou="38516849").kind == OrganizationKind.PARTY


def test_list_search_finds_only_what_the_search_index_holds(keeper_client, search_backend):
    # bulk_create sends no signals, so these rows are in the table but not yet in the index.
    Organization.objects.bulk_create([Organization(name="ГО «Невидима»", edrpou="38516849")])
    search_backend.refresh_indexes()
    html = keeper_client.get(NGO_INDEX, {"q": "Невидима"}).content.decode()
    assert "ГО «Невидима»" not in html

    update_search_index(pks=Organization.objects.values_list("pk", flat=True))
    search_backend.refresh_indexes()
    html = keeper_client.get(NGO_INDEX, {"q": "Невидима"}).content.decode()
    assert "ГО «Невидима»" in html


def test_keeper_logs_in_through_the_admin_form_and_reaches_the_list(client, keeper):
    OrganizationFactory(name="ГО «Світанок»")
    response = client.post("/admin/login/", {"username": "keeper", "password": "pass-keeper"})
    assert response.status_code == 302
    assert "ГО «Світанок»" in client.get(NGO_INDEX).content.decode()


@pytest.mark.parametrize(
    ("params", "notice"),
    [
        ({"fields_of_activity__id__exact": "abc"}, "«abc» не є числом"),
        ({"status__exact": "abc"}, "Невідоме значення «abc» параметра «status__exact»"),
        ({"status__exact": "\x00"}, "керівні символи"),
        ({"fields_of_activity__id__exact": "²"}, "не є числом"),
        ({"p": "9" * 10_000}, "довший за 2000"),  # refused by cms.param_guard before the list
        ({"o": "1; drop"}, "Невідоме значення"),
        ({"export": "xlsx"}, "Невідомий параметр «export»"),
    ],
)
def test_a_bad_list_parameter_is_a_notice_and_the_list_is_shown_unfiltered(keeper_client, params, notice):
    OrganizationFactory(name="ГО «Світанок»")
    response = keeper_client.get(NGO_INDEX, params)
    html = response.content.decode()
    assert response.status_code == 200
    assert notice in " ".join(str(m) for m in response.context["messages"])
    assert "ГО «Світанок»" in html


def test_a_bad_interaction_date_filter_is_a_notice(keeper_client):
    response = keeper_client.get("/admin/registry/interaction/", {"date__gte": "9999-99-99"})
    assert response.status_code == 200
    assert "не є датою" in " ".join(str(m) for m in response.context["messages"])


def test_the_list_date_filter_still_works(keeper_client):
    from .factories import InteractionFactory

    InteractionFactory(topic="Березнева", date=datetime.date(2026, 3, 10))
    InteractionFactory(topic="Квітнева", date=datetime.date(2026, 4, 10))
    html = keeper_client.get(
        "/admin/registry/interaction/", {"date__gte": "2026-04-01", "date__lt": "2026-05-01"}
    ).content.decode()
    assert "Квітнева" in html and "Березнева" not in html
