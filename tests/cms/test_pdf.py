import io

from pypdf import PdfReader

from cms.pdf import make_pdf


def test_generated_pdf_has_an_extractable_ukrainian_text_layer():
    content = make_pdf(
        title="Рішення № 4-49/2018 «Про ґрунти та їжу»",
        paragraphs=["Ніжинська міська рада вирішила: затвердити програму."],
    )
    text = PdfReader(io.BytesIO(content)).pages[0].extract_text()
    assert "Рішення № 4-49/2018 «Про ґрунти та їжу»" in text
    assert "Ніжинська міська рада вирішила" in text
    assert content.startswith(b"%PDF-")
