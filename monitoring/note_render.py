"""The monthly note as HTML (a template) and DOCX (python-docx), both from :class:`note.MonthlyNote`."""

import io

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from docx import Document

from .note import MonthlyNote

FORMATS = {
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    "html": ("text/html; charset=utf-8", "html"),
}


def headings() -> dict[str, str]:
    """The note's section headings, one wording for both formats."""
    return {
        "situation": _("General situation"),
        "report": _("The department's work and publications of the month"),
        "civil_society": _("Activity of NGOs and political parties"),
        "media": _("Media monitoring"),
        "mentioned": _("Deputies, bodies and organisations most mentioned"),
        "notable": _("Notable publications"),
        "conclusions": _("Conclusions and proposals"),
    }


def to_html(note: MonthlyNote) -> str:
    return render_to_string("monitoring/note_document.html", {"note": note, "headings": headings()})


def mentioned_name(row) -> str:
    """A most-mentioned name as the DOCX cell writes it: with its registry organisation, if linked."""
    if row.organisation is None:
        return row.name
    registry = _("registry: %(name)s, EDRPOU %(code)s") % {
        "name": row.organisation.name,
        "code": row.organisation.edrpou,
    }
    return f"{row.name}\n{registry}"


def _table(document, header: list[str], rows: list[list]):
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = str(text)
    for row in rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = str(value)
    return table


def _paragraphs(document, paragraphs: list[str]):
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)


def to_docx(note: MonthlyNote) -> bytes:
    """A Word document with the same sections, tables and quotes as the HTML."""
    heads = headings()
    document = Document()
    document.add_heading(note.title(), level=1)
    document.add_paragraph(note.period())

    document.add_heading(heads["situation"], level=2)
    _paragraphs(document, note.narrative("situation"))

    document.add_heading(heads["report"], level=2)
    for section in note.report.sections():
        document.add_paragraph(section.text, style="List Bullet")
        for item in section.items:
            document.add_paragraph(item, style="List Bullet 2")

    document.add_heading(heads["civil_society"], level=2)
    for interaction in note.interactions:
        organisations = ", ".join(org.short_name or org.name for org in interaction.organizations.all())
        document.add_paragraph(
            f"{interaction.date:%d.%m.%Y} — {interaction.get_kind_display()}: {interaction.topic} "
            f"({organisations})",
            style="List Bullet",
        )
    _paragraphs(document, note.narrative("civil_society"))

    document.add_heading(heads["media"], level=2)
    document.add_paragraph(_("Articles of the month: %(count)s.") % {"count": note.articles_total})
    _table(document, [_("Tone"), _("Articles")], [[label, n] for label, n in note.tones])
    if note.topics:
        document.add_paragraph(_("Topics by the articles' tone:"))
        _table(
            document,
            [_("Topic"), _("Total"), *note.tone_labels()],
            [[row.phrase, row.total, *row.counts()] for row in note.topics],
        )
    _paragraphs(document, note.narrative("media"))

    document.add_heading(heads["mentioned"], level=2)
    if note.most_mentioned:
        _table(
            document,
            [_("Kind"), pgettext("person or body", "Name"), _("Articles")],
            [[row.kind, mentioned_name(row), row.articles] for row in note.most_mentioned],
        )
    else:
        document.add_paragraph(_("none"))

    document.add_heading(heads["notable"], level=2)
    for quote in note.notable:
        document.add_paragraph(quote.title, style="List Number")
        document.add_paragraph(f"{quote.source}, {quote.date:%d.%m.%Y}; {_('tone')}: {quote.tone}")
        for snippet in quote.snippets:
            document.add_paragraph(f"«{snippet}»", style="Quote")
        if quote.note:
            document.add_paragraph(f"{_('Reviewer’s note')}: {quote.note}")
        document.add_paragraph(quote.url)
    if not note.notable:
        document.add_paragraph(_("none"))

    document.add_heading(heads["conclusions"], level=2)
    _paragraphs(document, note.narrative("conclusions"))
    document.add_paragraph(note.report.department)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def render(note: MonthlyNote, fmt: str) -> bytes:
    """The note in ``fmt`` (docx or html) as bytes."""
    if fmt == "docx":
        return to_docx(note)
    if fmt == "html":
        return to_html(note).encode()
    raise ValueError(f"format must be one of {', '.join(FORMATS)}, got {fmt!r}")
