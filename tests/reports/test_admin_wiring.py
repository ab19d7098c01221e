"""The reports' admin: every piece registered as a Wagtail viewset, found in the Reports menu, titled."""

import pytest
from django.urls import resolve
from wagtail.admin.viewsets.base import ViewSet

from reports.models import MonthlyReportNotes
from reports.wagtail_hooks import MonthlyReportNotesViewSet, ReportViewSet

pytestmark = pytest.mark.django_db

REPORT_URLS = [
    "/admin/reports/monthly/",
    "/admin/reports/deadlines/",
    "/admin/snippets/reports/monthlyreportnotes/",
]


def test_notes_are_a_snippet_registered_through_their_viewset():
    assert isinstance(MonthlyReportNotes.snippet_viewset, MonthlyReportNotesViewSet)


@pytest.mark.parametrize(
    ("url", "namespace"), [(REPORT_URLS[0], "reports_monthly"), (REPORT_URLS[1], "reports_deadlines")]
)
def test_report_views_are_served_by_report_viewsets(editor_client, url, namespace):
    assert issubclass(ReportViewSet, ViewSet)
    assert resolve(url).namespace == namespace and editor_client.get(url).status_code == 200


def test_reports_menu_links_the_reports_and_the_notes(editor_client):
    html = editor_client.get("/admin/").content.decode()
    for url in REPORT_URLS:
        assert f'"url": "{url}"' in html or f"&quot;url&quot;: &quot;{url}&quot;" in html, url


@pytest.mark.parametrize(
    ("url", "title"), [(REPORT_URLS[0], "Місячний звіт"), (REPORT_URLS[1], "Строки оприлюднення")]
)
def test_report_page_header_names_the_report(editor_client, url, title):
    response = editor_client.get(url)
    assert response.context["header_title"] == title
    assert response.context["breadcrumbs_items"][-1]["label"] == title
