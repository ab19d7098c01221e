from html import unescape

import pytest

from registry.models import NGO, Organization, PartyOrganization

from ..factories import OrganizationFactory, valid_edrpou
from ..helpers import confirm_import, csv_bytes, post_import

pytestmark = pytest.mark.django_db

NGO_INDEX = "/admin/registry/ngo/"
PREVIEW_NGO = "/admin/registry/import/ngo/preview/"


def one_bad_row_cp1251():
    """The keeper's file: three organisations in Windows-1251 with semicolons, one with a wrong code."""
    return "\r\n".join(
        [
            "Назва;Код ЄДРПОУ;Тип;Напрями діяльності",
            "ГО «Світанок»;38516849;Громадське об'єднання;Молодь",
            "ГО «Неправильний код»;38516848;Громадське об'єднання;",
            "МО партії «Обрій»;00013480;Місцева партійна організація;",
        ]
    ).encode("cp1251")


def test_upload_leads_to_a_preview_that_writes_nothing(keeper_client, fixture_bytes):
    response = post_import(keeper_client, "реєстр.csv", fixture_bytes("organizations_cp1251.csv"))

    ((location, status),) = response.redirect_chain
    assert status == 302 and location.startswith(PREVIEW_NGO + "?file=")
    html = response.content.decode()
    assert "Підтвердити імпорт" in html and "Молодь" in html  # new fields of activity listed
    assert Organization.objects.count() == 0


def test_preview_lists_every_row_with_what_happens_to_it_and_its_registry(keeper_client, fixture_bytes):
    response = post_import(keeper_client, "реєстр.csv", fixture_bytes("organizations_cp1251.csv"))
    html = unescape(response.content.decode())

    assert html.count('class="preview-row preview-new"') == 3
    assert "Громадські об'єднання: нових — 2, змінених — 0, без змін — 0." in html
    assert "Партійні організації: нових — 1, змінених — 0, без змін — 0." in html
    assert "Перевірте дані вище" not in html


def test_preview_marks_the_changed_columns(keeper_client):
    OrganizationFactory(name="ГО «Стара назва»", edrpou="38516849")
    response = post_import(keeper_client, "r.csv", csv_bytes("Назва,Код ЄДРПОУ", "ГО «Нова назва»,38516849"))
    html = response.content.decode()
    assert 'class="preview-row preview-changed"' in html
    assert "<mark>Назва</mark>: «ГО «Стара назва»» → «ГО «Нова назва»»" in html


def test_preview_of_a_bad_file_lists_every_error_by_row_and_column(keeper_client, fixture_bytes):
    response = post_import(keeper_client, "bad.csv", fixture_bytes("bad_rows.csv"), file_format="csv")
    html = response.content.decode()
    assert html.count('class="row-problem"') == len(response.context["report"].row_problems) == 8
    assert "31.02.2015" in html and "Рядок порожній" in html
    assert "Помилки в 5 рядках" in html
    assert Organization.objects.count() == 0


def test_preview_of_a_bad_file_offers_the_valid_rows_only_naming_how_many_are_left_out(keeper_client):
    response = post_import(keeper_client, "r.csv", one_bad_row_cp1251())
    html = response.content.decode()
    assert "Я розумію, що 1 рядок з помилками буде пропущено (рядок 3)." in html
    assert "Імпортувати лише 2 правильні рядки" in html
    assert "Підтвердити імпорт" not in html


def test_valid_rows_are_not_imported_without_the_ticked_box(keeper_client):
    preview = post_import(keeper_client, "r.csv", one_bad_row_cp1251())
    response = confirm_import(keeper_client, preview)
    assert response.status_code == 200
    assert "Позначте прапорець" in response.content.decode()
    assert Organization.objects.count() == 0


def test_valid_rows_are_imported_after_the_confirmation_and_counted_per_registry(keeper_client):
    preview = post_import(keeper_client, "r.csv", one_bad_row_cp1251())
    response = confirm_import(keeper_client, preview, acknowledge=True, follow=True)

    ((location, _),) = response.redirect_chain
    assert location == NGO_INDEX
    messages = [str(m) for m in response.context["messages"]]
    assert "Громадські об'єднання: додано 1, оновлено 0, без змін 0." in messages
    assert "Партійні організації: додано 1, оновлено 0, без змін 0." in messages
    assert "Пропущено 1 рядок з помилками: 3." in messages
    assert (NGO.objects.count(), PartyOrganization.objects.count()) == (1, 1)
    assert "ГО «Світанок»" in unescape(response.content.decode())


def test_clean_file_is_imported_and_the_messages_count_what_each_list_shows(keeper_client, fixture_bytes):
    preview = post_import(keeper_client, "реєстр.csv", fixture_bytes("organizations_cp1251.csv"))
    response = confirm_import(keeper_client, preview, follow=True)

    messages = [str(m) for m in response.context["messages"]]
    assert messages[:2] == [
        "Громадські об'єднання: додано 2, оновлено 0, без змін 0.",
        "Партійні організації: додано 1, оновлено 0, без змін 0.",
    ]
    assert (NGO.objects.count(), PartyOrganization.objects.count()) == (2, 1)
    assert response.context["result_count"] == 2  # the NGO list


def test_confirming_twice_does_not_import_twice(keeper_client, fixture_bytes):
    preview = post_import(keeper_client, "реєстр.csv", fixture_bytes("organizations_cp1251.csv"))
    confirm_import(keeper_client, preview)
    response = confirm_import(keeper_client, preview, follow=True)
    assert response.redirect_chain[-1][0] == "/admin/registry/import/ngo/"
    assert "уже недоступний" in response.content.decode()
    assert Organization.objects.count() == 3


def test_preview_of_a_large_file_is_paginated(keeper_client):
    lines = ["Назва,Код ЄДРПОУ"] + [f"ГО «Приклад {n}»,{valid_edrpou(n)}" for n in range(120)]
    preview = post_import(keeper_client, "r.csv", csv_bytes(*lines))
    url = preview.request["PATH_INFO"] + "?" + preview.request["QUERY_STRING"]

    assert preview.content.decode().count('class="preview-row') == 50
    last = keeper_client.get(url + "&p=3").content.decode()
    assert last.count('class="preview-row') == 20 and 'data-row="121"' in last
    odd = keeper_client.get(url + "&p=abc").content.decode()
    assert "Номер сторінки «abc» не є числом" in odd and 'data-row="2"' in odd


def test_preview_shows_one_kind_of_row(keeper_client, fixture_bytes):
    preview = post_import(keeper_client, "bad.csv", fixture_bytes("bad_rows.csv"))
    url = preview.request["PATH_INFO"] + "?" + preview.request["QUERY_STRING"]
    html = keeper_client.get(url + "&show=new").content.decode()
    assert html.count('class="preview-row') == 1 and 'data-row="2"' in html
    html = keeper_client.get(url + "&show=nonsense").content.decode()
    assert "Невідоме значення «nonsense» параметра «show»" in html and html.count('class="preview-row') == 6


@pytest.mark.parametrize("token", ["", "forged", "x" * 5000, "a\x00b"])
def test_a_forged_or_missing_upload_sends_the_keeper_back_to_the_upload(keeper_client, token):
    response = keeper_client.get(PREVIEW_NGO, {"file": token}, follow=True)
    assert response.redirect_chain == [("/admin/registry/import/ngo/", 302)]
    assert "Завантажений файл уже недоступний" in response.content.decode()


def test_another_keepers_upload_cannot_be_previewed(keeper_client, client, django_user_model, fixture_bytes):
    from django.contrib.auth.models import Group

    preview = post_import(keeper_client, "r.csv", fixture_bytes("organizations_cp1251.csv"))
    other = django_user_model.objects.create_user(username="other")
    other.groups.add(Group.objects.get(name="Реєстратори"))
    client.force_login(other)
    response = client.get(preview.request["PATH_INFO"] + "?" + preview.request["QUERY_STRING"])
    assert response.status_code == 302


def test_an_upload_for_one_registry_cannot_be_confirmed_in_the_other(keeper_client, fixture_bytes):
    preview = post_import(keeper_client, "r.csv", fixture_bytes("organizations_cp1251.csv"))
    response = keeper_client.get("/admin/registry/import/party/preview/?" + preview.request["QUERY_STRING"])
    assert response.status_code == 302 and Organization.objects.count() == 0


def test_import_of_an_unreadable_file_is_a_form_error(keeper_client):
    response = post_import(keeper_client, "broken.xlsx", b"not a workbook")
    assert response.status_code == 200
    assert "Не вдалося прочитати файл як XLSX" in response.content.decode()


def test_news_editor_cannot_post_an_import(editor_client, fixture_bytes):
    response = post_import(editor_client, "r.csv", fixture_bytes("organizations_cp1251.csv"), follow=False)
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert Organization.objects.count() == 0


def test_keeper_imports_valid_rows_of_a_windows_1251_file_and_finds_one_by_name(
    keeper_client, search_backend, django_capture_on_commit_callbacks
):
    preview = post_import(keeper_client, "реєстр.csv", one_bad_row_cp1251())
    with django_capture_on_commit_callbacks(execute=True):  # the index task runs after the commit
        confirm_import(keeper_client, preview, acknowledge=True)
    search_backend.refresh_indexes()

    html = keeper_client.get(NGO_INDEX, {"q": "Світанок"}).content.decode()

    assert "ГО «Світанок»" in html and "МО партії «Обрій»" not in html
