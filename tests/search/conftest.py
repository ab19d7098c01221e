import datetime
import io

import pytest
from django.core.files.base import ContentFile

from cms.documents import extract_document_text
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
        # What the extraction task does once an upload commits (tests/cms/test_document_tasks.py).
        return extract_document_text(document_id=document.pk)

    return make


@pytest.fixture
def refreshed_get(client, search_backend):
    """``client.get`` once the writes so far are visible to searches (Elasticsearch shows them on refresh)."""

    def get(path, params):
        search_backend.refresh_indexes()
        return client.get(path, params)

    return get


@pytest.fixture
def search(refreshed_get):
    """GET /search/?q=…&…; the answer must come from the backend under test, not from the fallback."""

    def search(q, **params):
        response = refreshed_get("/search/", {"q": q, **params})
        assert response.context["fallback"] is False
        return response

    return search


@pytest.fixture
def api_search(refreshed_get):
    """GET /api/v2/pages/?search=…"""
    return lambda q: refreshed_get("/api/v2/pages/", {"search": q})


@pytest.fixture
def suggest(refreshed_get):
    """GET /search/suggest/?q=…"""
    return lambda q: refreshed_get("/search/suggest/", {"q": q})
