import io
import shutil
import subprocess

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.utils import translation
from docx import Document

from cms.dates import parse_month
from pages.models import NewsKind
from reports.monthly import build_report
from reports.render import chart_png, to_docx, to_html, to_markdown

from .conftest import NOVEMBER_LINES

pytestmark = pytest.mark.django_db


def docx_lines(content: bytes) -> list[str]:
    return [paragraph.text for paragraph in Document(io.BytesIO(content)).paragraphs if paragraph.text]


def html_lines(content: str) -> list[str]:
    soup = BeautifulSoup(content, "html.parser")
    lines = [soup.h1.get_text(strip=True), soup.h2.get_text(strip=True)]
    for item in soup.select("ul.monthly-report li"):
        lines.append(next(item.stripped_strings))
    return lines


@pytest.fixture
def report(november_2018):
    with translation.override("uk"):
        yield build_report(month=november_2018)


def test_report_counts_live_items_of_the_month_by_publication_date(report):
    assert report.news == {"news": 3, "announcement": 1, "greeting": 5, "article": 0}
    assert report.acts["council_decision"] == 2 and report.acts["draft_decision"] == 1
    assert report.acts["mayor_order"] == 1 and report.documents_total == 6
    assert report.commission_documents == {"protocol": 1, "conclusion": 1, "recommendation": 0}
    assert report.videos == 2
    assert report.interactions_total == 3 and report.interactions == {"ngo": 2, "party": 2}


def test_markdown_report_reads_the_fixture_month_numbers(report):
    text = to_markdown(report)
    lines = [line.lstrip("#- ").strip() for line in text.splitlines() if line.strip()]
    assert lines == NOVEMBER_LINES


def test_html_report_reads_the_fixture_month_numbers(report):
    assert html_lines(to_html(report)) == NOVEMBER_LINES


def test_docx_report_reads_the_fixture_month_numbers_and_embeds_the_chart(report):
    content = to_docx(report)
    assert docx_lines(content) == NOVEMBER_LINES
    document = Document(io.BytesIO(content))
    assert len(document.inline_shapes) == 1
    image_parts = [part for part in document.part.package.parts if part.content_type == "image/png"]
    assert image_parts and image_parts[0].blob.startswith(b"\x89PNG")


def test_chart_is_a_png_with_a_bar_per_publication_type(report):
    assert chart_png(report).startswith(b"\x89PNG\r\n\x1a\n")
    assert [label for label, _n in report.chart_data()] == [
        "Новини",
        "Оголошення",
        "Привітання",
        "Рішення ради",
        "Розпорядження",
        "Проєкти рішень",
        "Протоколи комісій",
        "Висновки комісій",
        "Відео",
    ]


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "1 новина"),
        (3, "3 новини"),
        (5, "5 новин"),
        (11, "11 новин"),
        (21, "21 новина"),
        (22, "22 новини"),
        (112, "112 новин"),
        (0, "0 новин"),
    ],
)
def test_news_counts_take_the_ukrainian_plural_form(count, expected):
    with translation.override("uk"):
        assert NewsKind.NEWS.count_phrase(count) == expected


def test_command_prints_markdown_to_standard_output(november_2018):
    out = io.StringIO()
    call_command("monthly_report", "--month", "2018-11", stdout=out)
    assert "Підготовлено та розміщено 9 новинних та інших інформаційних матеріалів" in out.getvalue()
    assert "## Звіт про роботу за листопад 2018 року" in out.getvalue()


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_command_writes_every_format_to_a_file(november_2018, tmp_path, fmt):
    target = tmp_path / f"report.{fmt}"
    call_command(
        "monthly_report", "--month", "2018-11", "--format", fmt, "-o", str(target), stderr=io.StringIO()
    )
    content = target.read_bytes()
    lines = {
        "md": lambda c: [line.lstrip("#- ").strip() for line in c.decode().splitlines() if line.strip()],
        "html": lambda c: html_lines(c.decode()),
        "docx": docx_lines,
    }[fmt](content)
    assert lines == NOVEMBER_LINES


@pytest.mark.parametrize("month", ["2018-13", "11-2018", "", "2018-1"])
def test_command_rejects_a_malformed_month_naming_the_parameter(db, month):
    with pytest.raises(CommandError, match="--month"):
        call_command("monthly_report", "--month", month)


def test_parse_month_gives_the_first_day():
    assert parse_month("2020-02").isoformat() == "2020-02-01"


def test_month_with_no_notes_has_only_the_counts(db):
    with translation.override("uk"):
        report = build_report(month=parse_month("2031-01"))
    assert len(report.sections()) == 4 and report.notes == []


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("boss", "boss@example.com", "password")
    client.force_login(user)
    return client


def test_admin_view_shows_the_month(admin_client, november_2018):
    response = admin_client.get("/admin/reports/monthly/", {"month": "2018-11"})
    assert response.status_code == 200
    text = response.content.decode()
    for line in NOVEMBER_LINES:
        assert line.replace("'", "&#x27;") in text


def test_admin_view_downloads_the_docx(admin_client, november_2018):
    response = admin_client.get(
        "/admin/reports/monthly/", {"month": "2018-11", "format": "docx", "download": "1"}
    )
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="monthly-report-2018-11.docx"'
    assert docx_lines(response.content) == NOVEMBER_LINES


def test_admin_view_explains_a_malformed_month(admin_client):
    response = admin_client.get("/admin/reports/monthly/", {"month": "листопад"})
    assert response.status_code == 200
    assert "Введіть місяць у форматі РРРР-ММ, наприклад 2018-11." in response.content.decode()


def test_admin_view_is_closed_to_anonymous_users(client, db):
    response = client.get("/admin/reports/monthly/", {"month": "2018-11"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice (soffice) is not installed: "
    "apt-get install -y --no-install-recommends libreoffice-writer-nogui",
)
def test_docx_opens_in_libreoffice(report, tmp_path):
    source = tmp_path / "report.docx"
    source.write_bytes(to_docx(report))
    result = subprocess.run(
        [
            SOFFICE,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo-profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    pdf = tmp_path / "report.pdf"
    assert pdf.exists(), result.stderr
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "листопад 2018 року" in text


def test_editors_enter_a_month_s_notes_in_the_snippets_admin(admin_client):
    from reports.models import MonthlyReportNotes

    response = admin_client.post(
        "/admin/snippets/reports/monthlyreportnotes/add/",
        {"month": "2018-11-20", "bullets": "Моніторинг ЗМІ\n\nПлатформа петицій"},
    )
    assert response.status_code == 302
    notes = MonthlyReportNotes.objects.get()
    assert notes.month.isoformat() == "2018-11-01"
    with translation.override("uk"):
        assert build_report(month=parse_month("2018-11")).notes == ["Моніторинг ЗМІ", "Платформа петицій"]
