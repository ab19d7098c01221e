"""Ranking as a citizen expects: an act's type and number weigh like its title."""

import pytest
from wagtail.models import Page

from cms.analysis import index_text
from pages.models import ActPage, ActType, CommissionDocumentType
from search import postings
from search.backends import HEADING_BOOST, HEADING_FIELD, Elasticsearch9Backend
from search.requisites import requisites_terms, requisites_text
from tests import factories as f


def result_ids(response):
    return [r["page"].pk for r in response.context["results"]]


@pytest.fixture
def commission(home_page):
    index = f.CommissionIndexPageFactory(parent=home_page)
    return f.CommissionPageFactory(parent=index)


def test_a_decision_ranks_above_a_conclusion_that_mentions_a_draft_decision(search, make_act, commission):
    conclusion = f.CommissionDocumentPageFactory(
        parent=commission,
        title="Висновок комісії з питань житлово-комунального господарства",
        doc_type=CommissionDocumentType.CONCLUSION,
        body="<p>Розглянули проєкт рішення про тарифи. Рекомендувати проєкт рішення до розгляду.</p>",
    )
    decision = make_act(
        title="Про встановлення тарифів на теплову енергію",
        act_type=ActType.COUNCIL_DECISION,
        summary="Встановити тарифи з першого січня.",
    )
    ids = result_ids(search("рішення"))
    assert ids.index(decision.pk) < ids.index(conclusion.pk)
    ids = result_ids(search("рішення про тарифи"))
    assert ids[0] == decision.pk


@pytest.mark.parametrize(
    ("query", "act_type"),
    [
        ("розпорядження", ActType.MAYOR_ORDER),
        ("протоколи", ActType.PROTOCOL),
        ("рішенням", ActType.COUNCIL_DECISION),
    ],
)
def test_the_act_type_finds_acts_of_that_type_first(search, make_act, query, act_type):
    others = [t for t in (ActType.MAYOR_ORDER, ActType.PROTOCOL, ActType.COUNCIL_DECISION) if t != act_type]
    mention = make_act(
        title="Про інше", act_type=others[0], summary=f"Згадка: {query} буде пізніше. Інший текст."
    )
    wanted = make_act(title="Про благоустрій скверу", act_type=act_type, summary="Благоустрій скверу.")
    make_act(title="Про сквер", act_type=others[1], summary="Благоустрій.")
    ids = result_ids(search(query))
    assert ids[0] == wanted.pk
    assert mention.pk in ids


def test_the_number_weighs_like_the_title(make_act):
    act = make_act(title="Про бюджет", number="312")
    weights = postings.term_weights(
        title=act.title, text=act.search_lemmas(), requisites=requisites_terms(act)
    )
    assert weights["n312"] >= postings.TITLE_WEIGHT
    assert weights["рішення"] >= postings.TITLE_WEIGHT  # the type, absent from the title and text


def test_requisites_are_said_in_ukrainian_whatever_the_active_language(make_act, settings):
    from django.utils import translation

    act = make_act(title="Про бюджет", act_type=ActType.MAYOR_ORDER, number="15-р")
    with translation.override("en"):
        text = requisites_text(act)
    assert "розпорядження" in text.lower() and "15-р" in text
    assert {"розпорядження", "n15xр"} <= requisites_terms(act)


def test_elasticsearch_heading_field_weighs_like_the_title(make_act):
    backend = Elasticsearch9Backend({"URLS": ["http://127.0.0.1:9"], "ALIAS": "default"})
    title_boost = next(
        field.boost for field in Page.search_fields if getattr(field, "field_name", "") == "title"
    )
    assert HEADING_BOOST == title_boost
    mapping = backend.mapping_class(ActPage).get_mapping()["properties"]
    boosted = backend.mapping_class(ActPage).get_boost_field_name(title_boost)
    assert mapping[HEADING_FIELD]["copy_to"] == ["_all_text", boosted]
    assert boosted in mapping
    act = make_act(title="Про тарифи", act_type=ActType.MAYOR_ORDER, number="4-49/2018")
    document = backend.mapping_class(ActPage).get_document(act)
    heading = document[HEADING_FIELD].split()
    assert {"тариф", "розпорядження", "n4x49x2018"} <= set(heading)
    assert set(index_text("Про тарифи").split()) <= set(heading)
