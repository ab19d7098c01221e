"""The monthly report as Markdown, HTML and DOCX, all from :meth:`MonthlyReport.sections`."""

import io

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from .monthly import MonthlyReport

FORMATS = {
    "md": ("text/markdown; charset=utf-8", "md"),
    "html": ("text/html; charset=utf-8", "html"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
}


def to_markdown(report: MonthlyReport) -> str:
    lines = [f"# {report.department}", "", f"## {report.title()}", ""]
    for section in report.sections():
        lines.append(f"- {section.text}")
        lines.extend(f"  - {item}" for item in section.items)
    return "\n".join(lines) + "\n"


def to_html(report: MonthlyReport) -> str:
    return render_to_string("reports/monthly_report_document.html", {"report": report})


def chart_png(report: MonthlyReport) -> bytes:
    """A horizontal bar chart of the month's publications by type (matplotlib, Agg: no display)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    data = report.chart_data() or [(_("No publications"), 0)]
    labels = [label for label, _n in data][::-1]
    values = [n for _label, n in data][::-1]
    figure = Figure(figsize=(6.5, 0.45 * len(data) + 1.2), dpi=110)
    axes = figure.subplots()
    bars = axes.barh(labels, values, color="#1f5fa8")
    axes.bar_label(bars, padding=3)
    axes.set_title(_("Publications by type"))
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def to_docx(report: MonthlyReport) -> bytes:
    """A Word document (python-docx) with the same bullets and the chart embedded as PNG."""
    from docx import Document
    from docx.shared import Cm

    document = Document()
    document.add_heading(report.department, level=1)
    document.add_heading(report.title(), level=2)
    for section in report.sections():
        document.add_paragraph(section.text, style="List Bullet")
        for item in section.items:
            document.add_paragraph(item, style="List Bullet 2")
    document.add_picture(io.BytesIO(chart_png(report)), width=Cm(16))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def render(report: MonthlyReport, fmt: str) -> bytes:
    """The report in ``fmt`` (md, html or docx) as bytes."""
    if fmt == "md":
        return to_markdown(report).encode()
    if fmt == "html":
        return to_html(report).encode()
    if fmt == "docx":
        return to_docx(report)
    raise ValueError(f"format must be one of {', '.join(FORMATS)}, got {fmt!r}")
