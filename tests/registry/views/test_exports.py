import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from registry.models import Organization, RegistrationStatus

from ..factories import FieldOfActivityFactory, OrganizationFactory
from ..helpers import confirm_import, post_import

pytestmark = pytest.mark.django_db
EXPORT_NGO = "/admin/registry/export/ngo/"


@pytest.mark.parametrize("file_format", ["csv", "xlsx", "json"])
def test_export_downloads_the_filtered_list_and_reimports_it(keeper_client, file_format):
    OrganizationFactory(name="ГО «Чинна»")
    OrganizationFactory(name="ГО «Припинена»", status=RegistrationStatus.TERMINATED)
    response = keeper_client.get(EXPORT_NGO, {"export_format": file_format, "status__exact": "registered"})
    assert response.status_code == 200
    content = response.content
    if file_format == "xlsx":
        sheet = load_workbook(io.BytesIO(content)).active
        assert [c.value for c in sheet[1]][:3] == ["Назва", "Скорочена назва", "Код ЄДРПОУ"]
        assert sheet.max_row == 2

    Organization.objects.filter(name="ГО «Чинна»").update(name="змінено")
    preview = post_import(keeper_client, f"export.{file_format}", content)
    report = preview.context["report"]
    assert (report.new, report.updated, report.has_errors) == (0, 1, False)
    confirm_import(keeper_client, preview)
    assert Organization.objects.filter(name="ГО «Чинна»").count() == 1
    assert Organization.objects.count() == 2


def test_export_file_is_named_after_the_list_and_the_day(keeper_client):
    response = keeper_client.get(EXPORT_NGO, {"export_format": "xlsx"})
    day = timezone.localdate()
    assert (
        response["Content-Disposition"] == f'attachment; filename="hromadski-obiednannia-{day:%Y-%m-%d}.xlsx"'
    )
    assert load_workbook(io.BytesIO(response.content)).sheetnames == ["Громадські об'єднання"]


def test_export_filters_by_field_of_activity(keeper_client):
    veterans = FieldOfActivityFactory(name="Ветерани")
    OrganizationFactory(name="ГО «Ветеранська»").fields_of_activity.add(veterans)
    OrganizationFactory(name="ГО «Інша»")
    response = keeper_client.get(EXPORT_NGO, {"fields_of_activity__id__exact": veterans.pk})
    text = response.content.decode("utf-8-sig")
    assert "Ветеранська" in text and "Інша" not in text


def test_export_applies_the_list_search(keeper_client, search_backend):
    OrganizationFactory(name="ГО «Світанок»")
    OrganizationFactory(name="ГО «Обрій»")
    search_backend.refresh_indexes()
    response = keeper_client.get(EXPORT_NGO, {"export_format": "csv", "q": "Світанок"})
    text = response.content.decode("utf-8-sig")
    assert "Світанок" in text and "Обрій" not in text


@pytest.mark.parametrize(
    ("name", "value", "reason"),
    [
        ("fields_of_activity__id__exact", "abc", "«abc» не є числом"),
        ("status__exact", "x\x00", "керівні символи"),
        ("fields_of_activity__id__exact", "9" * 10_000, "довший за 32"),
        ("export_format", "exe", "Невідоме значення «exe» параметра «export_format»"),
        ("evil", "1", "Невідомий параметр «evil»"),
    ],
)
def test_a_parameter_the_list_would_not_take_is_refused_with_the_reason(keeper_client, name, value, reason):
    response = keeper_client.get(EXPORT_NGO, {name: value})
    assert response.status_code == 400
    assert reason in response.content.decode()
