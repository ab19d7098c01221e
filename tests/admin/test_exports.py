"""Spreadsheets exported from the admin speak Ukrainian: sheet names, column headings, values."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from .visible_text import untranslated

#: Wagtail's reports that offer spreadsheets, by URL name.
REPORTS = (
    "wagtailadmin_reports:locked_pages",
    "wagtailadmin_reports:workflow",
    "wagtailadmin_reports:workflow_tasks",
    "wagtailadmin_reports:site_history",
    "wagtailadmin_reports:aging_pages",
)
#: Wagtail 8.0 names the sheet of every report «Sheet1» (wagtail/admin/views/mixins.py, write_xlsx).
UPSTREAM_SHEET_TITLE = "Sheet1"
#: The workflow reports export some columns under the field's name: their headings are neither in
#: ``export_headings`` nor found by ``get_heading``, which is given no model to look the field up in
#: (wagtail/admin/views/reports/workflows.py, WorkflowView and WorkflowTasksView).
UPSTREAM_HEADINGS = {"workflow", "requested_by", "task", "started_at", "finished_at", "finished_by"}


def english_in(texts):
    return [text for text in untranslated(texts) if text not in UPSTREAM_HEADINGS]


def body(response) -> bytes:
    """The file of a download, whether Wagtail streams it or not."""
    return b"".join(response.streaming_content) if response.streaming else response.content


def xlsx_texts(content: bytes) -> list[str]:
    """Sheet names and every text cell of a workbook."""
    workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
    texts = [title for title in workbook.sheetnames if title != UPSTREAM_SHEET_TITLE]
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows(values_only=True):
            texts.extend(value for value in row if isinstance(value, str))
    return texts


def csv_texts(content: bytes) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(content.decode("utf-8-sig"))) for cell in row]


@pytest.mark.parametrize("name", REPORTS)
def test_report_spreadsheet_is_in_ukrainian(superuser_client, admin_content, name):
    response = superuser_client.get(reverse(name), {"export": "xlsx"})
    assert response.status_code == 200
    texts = xlsx_texts(body(response))
    assert texts, "the report exported nothing"
    assert english_in(texts) == []


@pytest.mark.parametrize("name", REPORTS)
def test_report_csv_is_in_ukrainian(superuser_client, admin_content, name):
    response = superuser_client.get(reverse(name), {"export": "csv"})
    assert response.status_code == 200
    assert english_in(csv_texts(body(response))) == []


@pytest.mark.parametrize("kind", ["ngo", "party"])
def test_registry_spreadsheet_is_in_ukrainian(superuser_client, admin_content, kind):
    response = superuser_client.get(reverse("registry_export", args=[kind]), {"export_format": "xlsx"})
    assert response.status_code == 200
    assert english_in(xlsx_texts(body(response))) == []
