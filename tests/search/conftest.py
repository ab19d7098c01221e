import datetime
import io

import pytest
from django.core.files.base import ContentFile

from cms.models import CouncilDocument
from tests import factories as f


def ukrainian_pdf(text: str) -> bytes:
    """A real one-page PDF with ``text`` in its text layer (matplotlib, DejaVu Sans, Type 42 fonts)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    matplotlib.rcParams["pdf.fonttype"] = 42
    fig = plt.figure(figsize=(8.27, 11.69))
    fig.text(0.05, 0.9, text, family="DejaVu Sans", fontsize=10, wrap=True)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="pdf")
    plt.close(fig)
    return buffer.getvalue()


@pytest.fixture
def acts_index(home_page):
    return f.ActIndexPageFactory(parent=home_page)


@pytest.fixture
def news_index(home_page):
    return f.NewsIndexPageFactory(parent=home_page)


@pytest.fixture
def make_act(acts_index):
    def make(**kwargs):
        kwargs.setdefault("date", datetime.date(2018, 11, 8))
        return f.ActPageFactory(parent=acts_index, **kwargs)

    return make


@pytest.fixture
def make_document(db):
    def make(*, title, data, filename):
        document = CouncilDocument(title=title, file=ContentFile(data, name=filename))
        document.save()
        return document

    return make
