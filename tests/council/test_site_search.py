"""Deputies and meetings in the site search, by inflected Ukrainian names, linking to their pages."""

import dataclasses
import datetime
import logging

import pytest
from django.urls import NoReverseMatch, reverse
from modelsearch.backends import get_search_backend

from council.kinds import MeetingKind
from council.models import Deputy, Meeting
from search import sources
from search.backends import Elasticsearch8Backend, Elasticsearch9Backend
from tests import factories as f

from .factories import DeputyFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def meeting_link(pk: int) -> str | None:
    try:
        return reverse("council:meeting_detail", args=[pk])
    except NoReverseMatch:  # the public meeting pages come with another branch
        return None


def records(response, name):
    assert response.status_code == 200
    group = next((g for g in response.context["other_results"] if g["name"] == name), None)
    return group["hits"] if group else []


@pytest.fixture
def council(home_page, convocation):
    return {
        "boiko": DeputyFactory(full_name="Бойко Олександр Миколайович", slug="boiko"),
        "kovalenko": DeputyFactory(full_name="Коваленко Ірина Петрівна", slug="kovalenko"),
        "session": MeetingFactory(
            convocation=convocation,
            number=41,
            title="позачергова",
            starts_at=datetime.datetime(2024, 3, 5, 8, tzinfo=datetime.UTC),
        ),
        "executive": MeetingFactory(kind=MeetingKind.EXECUTIVE, number=7, convocation=None),
    }


@pytest.mark.parametrize(
    ("query", "name"),
    [("Бойка", "Бойко Олександр Миколайович"), ("депутатом Коваленком", "Коваленко Ірина Петрівна")],
)
def test_a_deputy_is_found_by_an_inflected_name(client, council, query, name):
    hits = records(client.get("/search/", {"q": query}), "deputies")
    assert [hit.title for hit in hits] == [name]


def test_a_deputy_links_to_the_deputy_page(client, council):
    response = client.get("/search/", {"q": "Бойком"})
    [hit] = records(response, "deputies")
    assert hit.url == "/deputaty/boiko/"
    html = response.content.decode()
    assert 'href="/deputaty/boiko/">Бойко Олександр Миколайович</a>' in html
    assert "Депутат міської ради" in html and "Нічого не знайдено" not in html


def test_a_session_is_found_by_its_number_and_inflected_kind(client, council):
    [hit] = records(client.get("/search/", {"q": "41 сесії"}), "meetings")
    assert hit.title.startswith("сесія міської ради № 41") and "позачергова" in hit.title
    assert hit.url == meeting_link(council["session"].pk)
    if hit.url:
        assert hit.url == f"/zasidannia/{council['session'].pk}/"


def test_meetings_are_found_by_the_month_they_were_held(client, council):
    hits = records(client.get("/search/", {"q": "сесія у березні 2024"}), "meetings")
    assert [hit.url for hit in hits] == [meeting_link(council["session"].pk)]
    executive = records(client.get("/search/", {"q": "засідання виконавчого комітету"}), "meetings")
    assert len(executive) == 1 and "виконавчого комітету" in executive[0].title


def test_records_are_not_shown_when_a_page_filter_is_chosen(client, council):
    assert records(client.get("/search/", {"q": "Бойко", "year": "2020"}), "deputies") == []


def test_a_renamed_deputy_is_found_by_the_new_name_only(client, council):
    deputy = council["boiko"]
    deputy.full_name = "Бойченко Олександр Миколайович"
    deputy.save()
    assert records(client.get("/search/", {"q": "Бойко"}), "deputies") == []
    assert [hit.title for hit in records(client.get("/search/", {"q": "Бойченка"}), "deputies")] == [
        deputy.full_name
    ]


def test_pages_and_deputies_are_found_together(client, council, home_page):
    news = f.NewsIndexPageFactory(parent=home_page)
    f.NewsPageFactory(parent=news, title="Депутат Бойко провів прийом громадян")
    response = client.get("/search/", {"q": "Бойко"})
    assert response.context["total"] == 1 and len(records(response, "deputies")) == 1


def test_a_failing_source_is_left_out_and_the_page_still_answers(client, council, monkeypatch, caplog):
    def broken(found):
        raise RuntimeError("index gone")

    deputies = sources.SOURCES["deputies"]
    monkeypatch.setitem(sources.SOURCES, "deputies", dataclasses.replace(deputies, hits=broken))
    with caplog.at_level(logging.WARNING, logger="search.sources"):
        response = client.get("/search/", {"q": "Бойка"})
    assert records(response, "deputies") == [] and "index gone" in caplog.text
    assert len(records(response, "meetings")) == 0 and response.status_code == 200


@pytest.mark.parametrize("backend_class", [Elasticsearch8Backend, Elasticsearch9Backend])
@pytest.mark.parametrize("model", [Deputy, Meeting])
def test_elasticsearch_maps_the_lemmatised_names(backend_class, model):
    backend = backend_class({"URLS": ["http://127.0.0.1:9"], "ALIAS": "default", "INDEX_PREFIX": "radasite_"})
    mapping = backend.mapping_class(model).get_mapping()
    assert any(name.endswith("search_lemmas") for name in mapping["properties"])


def test_elasticsearch_document_holds_the_lemmas_of_the_name(council):
    backend = Elasticsearch9Backend({"URLS": ["http://127.0.0.1:9"], "ALIAS": "default"})
    document = backend.mapping_class(Deputy).get_document(council["kovalenko"])
    lemmas = next(value for key, value in document.items() if key.endswith("search_lemmas"))
    assert {"коваленко", "депутат"} <= set(lemmas.split())


def test_the_search_backend_completes_a_partial_name(council):
    found = get_search_backend("default").autocomplete("Бойк", Deputy.objects.all())
    assert list(found) == [council["boiko"]]
