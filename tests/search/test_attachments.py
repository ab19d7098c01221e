import io

from django.core.files.base import ContentFile
from pypdf import PdfReader

from cms.documents import extract_document_text

from .conftest import ukrainian_pdf

PHRASE = "Тарифи на вивезення побутових відходів у мікрорайоні Любечанинів"


def attach(act, document):
    act.attachments = [("attachment", {"document": document, "title": "", "kind": "scan"})]
    act.save_revision().publish()
    return act


def test_generated_pdf_has_ukrainian_text_layer():
    text = PdfReader(io.BytesIO(ukrainian_pdf(PHRASE))).pages[0].extract_text()
    assert "вивезення побутових відходів" in " ".join(text.split())


def test_phrase_only_in_attached_pdf_finds_the_act(search, make_act, make_document):
    act = make_act(title="Про тарифи", summary="Без подробиць.")
    make_act(title="Про інше")
    document = make_document(title="Додаток 1", data=ukrainian_pdf(PHRASE), filename="dodatok.pdf")
    attach(act, document)
    response = search("вивезенню побутового відходу")
    assert [r["page"].pk for r in response.context["results"]] == [act.pk]


def test_docx_attachment_text_is_searchable(search, make_act, make_document):
    import docx

    buffer = io.BytesIO()
    word = docx.Document()
    word.add_paragraph("Реконструкція стадіону на вулиці Шевченка")
    word.save(buffer)
    act = make_act(title="Про будівництво")
    attach(act, make_document(title="Кошторис", data=buffer.getvalue(), filename="koshtorys.docx"))
    response = search("стадіоні")
    assert [r["page"].pk for r in response.context["results"]] == [act.pk]


def test_replacing_the_file_reindexes_the_attaching_page(search, make_act, make_document):
    act = make_act(title="Про тарифи")
    document = make_document(title="Додаток", data=ukrainian_pdf("Старий текст про парк"), filename="a.pdf")
    attach(act, document)
    document.file = ContentFile(ukrainian_pdf("Новий текст про сквер"), name="b.pdf")
    document.save()
    extract_document_text(document_id=document.pk)  # the task queued by the admin's form
    assert [r["page"].pk for r in search("сквері").context["results"]] == [act.pk]
