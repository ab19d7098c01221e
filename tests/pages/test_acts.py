"""Acts: readable slugs, the filterable register and everything an act page shows."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from pages import models as m
from tests.factories import (
    ActIndexPageFactory,
    ActPageFactory,
    CommissionDocumentPageFactory,
    CommissionIndexPageFactory,
    CommissionPageFactory,
    DocumentFactory,
    IssuerFactory,
)


@pytest.fixture
def index(home_page):
    return ActIndexPageFactory(parent=home_page)


def html_of(client, url, params=None):
    response = client.get(url, params or {})
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def main_text(client, page):
    return " ".join(html_of(client, page.url).find("main").get_text(" ").split())


# -- slugs ------------------------------------------------------------------------------------


def new_act(index, **fields):
    defaults = {
        "title": "Про бюджет",
        "act_type": m.ActType.COUNCIL_DECISION,
        "number": "4-49/2018",
        "adopted_on": datetime.date(2018, 11, 6),
        "date": datetime.date(2018, 11, 8),
    }
    return index.add_child(instance=m.ActPage(**{**defaults, **fields}))


@pytest.mark.parametrize("editor_slug", ["", "pro-biudzhet", "pro-byudzhet"])
def test_new_act_with_the_default_slug_gets_type_number_and_year(index, editor_slug):
    act = new_act(index, slug=editor_slug)
    assert act.slug == "rishennia-4-49-2018"
    assert act.url.endswith("/rishennia-4-49-2018/")


def test_year_is_added_when_the_number_does_not_contain_it(index):
    act = new_act(index, act_type=m.ActType.EXECUTIVE_DECISION, number="312", slug="")
    assert act.slug == "rishennia-vykonkomu-312-2018"


def test_slug_the_editor_typed_is_kept(index):
    assert new_act(index, slug="biudzhet-2019").slug == "biudzhet-2019"


def test_slug_is_never_changed_after_creation(index):
    act = new_act(index, slug="")
    act.number = "5-49/2018"
    act.title = "Про бюджет (нова редакція)"
    act.save_revision().publish()
    act.refresh_from_db()
    assert act.slug == "rishennia-4-49-2018"


def test_two_acts_with_the_same_requisites_get_distinct_slugs(index):
    first, second = new_act(index, slug=""), new_act(index, slug="", title="Про бюджет ще раз")
    assert (first.slug, second.slug) == ("rishennia-4-49-2018", "rishennia-4-49-2018-2")


# -- the register -----------------------------------------------------------------------------


def listed(client, index, params):
    return [a.text for a in html_of(client, index.url, params).select(".act-row__title a")]


REGISTER = [
    # title, issuer slug, act type, number, status, adopted on, published on
    (
        "Рада 2018",
        "miska-rada",
        m.ActType.COUNCIL_DECISION,
        "1-40/2018",
        m.ActStatus.ADOPTED,
        datetime.date(2018, 3, 1),
        datetime.date(2018, 3, 2),
    ),
    (
        "Рада 2019",
        "miska-rada",
        m.ActType.COUNCIL_DECISION,
        "2-50/2019",
        m.ActStatus.LOST_FORCE,
        datetime.date(2019, 3, 1),
        datetime.date(2019, 3, 2),
    ),
    (
        "Виконком 2018",
        "vykonkom",
        m.ActType.EXECUTIVE_DECISION,
        "312",
        m.ActStatus.ADOPTED,
        datetime.date(2018, 5, 1),
        datetime.date(2018, 5, 2),
    ),
    (
        "Проєкт 2019",
        "miska-rada",
        m.ActType.DRAFT_DECISION,
        "",
        m.ActStatus.DRAFT,
        None,
        datetime.date(2019, 1, 10),
    ),
]


@pytest.fixture
def register(index):
    issuers = {
        "miska-rada": IssuerFactory(name="Ніжинська міська рада", slug="miska-rada"),
        "vykonkom": IssuerFactory(name="Виконавчий комітет", slug="vykonkom"),
    }
    for title, issuer, act_type, number, status, adopted_on, date in REGISTER:
        ActPageFactory(
            parent=index,
            title=title,
            issuer=issuers[issuer],
            act_type=act_type,
            number=number,
            status=status,
            adopted_on=adopted_on,
            date=date,
        )
    return index


@pytest.mark.parametrize(
    "params, expected",
    [
        ({}, ["Рада 2019", "Проєкт 2019", "Виконком 2018", "Рада 2018"]),
        ({"type": "executive_decision"}, ["Виконком 2018"]),
        ({"issuer": "miska-rada"}, ["Рада 2019", "Проєкт 2019", "Рада 2018"]),
        ({"year": "2019"}, ["Рада 2019", "Проєкт 2019"]),
        ({"status": "lost_force"}, ["Рада 2019"]),
        ({"number": "312"}, ["Виконком 2018"]),
        ({"number": "1-40/2018"}, ["Рада 2018"]),
        ({"issuer": "miska-rada", "year": "2018", "type": "council_decision"}, ["Рада 2018"]),
    ],
)
def test_register_filters_return_exactly_the_matching_acts(client, register, params, expected):
    assert listed(client, register, params) == expected


@pytest.mark.parametrize(
    "params",
    [
        {"type": "law"},
        {"issuer": "nobody"},
        {"year": "20x9"},
        {"status": "x"},
        {"page": "-3"},
        {"page": "1000"},
    ],
)
def test_register_ignores_bad_filter_values_and_says_so(client, register, params):
    html = html_of(client, register.url, params)
    assert html.select_one(".notice")
    assert len(html.select(".act-row")) == 4


def test_register_is_paginated(client, index):
    for number in range(1, 23):
        ActPageFactory(parent=index, title=f"Акт {number:02d}", date=datetime.date(2018, 1, number))
    assert len(listed(client, index, {})) == 20
    assert listed(client, index, {"page": "2"}) == ["Акт 02", "Акт 01"]


def draft_act(index, **fields):
    """A draft decision, not yet adopted and without a number."""
    return ActPageFactory(
        parent=index,
        act_type=m.ActType.DRAFT_DECISION,
        status=m.ActStatus.DRAFT,
        number="",
        adopted_on=None,
        **fields,
    )


# -- the act page -----------------------------------------------------------------------------


def test_act_page_shows_requisites_and_dates(client, index):
    issuer = IssuerFactory(name="Ніжинська міська рада", slug="miska-rada")
    act = ActPageFactory(
        parent=index,
        title="Про бюджет",
        number="4-49/2018",
        issuer=issuer,
        convocation=7,
        session="49 сесія",
        adopted_on=datetime.date(2018, 11, 6),
        effective_from=datetime.date(2019, 1, 1),
        status=m.ActStatus.IN_FORCE,
        date=datetime.date(2018, 11, 8),
        body="<p>Затвердити бюджет.</p>",
    )
    act.save_revision().publish()
    text = main_text(client, act)
    for expected in (
        "Рішення міської ради",
        "4-49/2018",
        "Ніжинська міська рада",
        "7",
        "49 сесія",
        "6 листопада 2018",
        "1 січня 2019",
        "Чинний",
        "8 листопада 2018",
        "Затвердити бюджет.",
    ):
        assert expected in text
    act.refresh_from_db()
    local = timezone.localtime(act.last_published_at)
    assert f"Останнє оновлення: {local.day} " in text and local.strftime("%H:%M") in text
    assert "Дата оприлюднення 8 листопада 2018" in text


def test_draft_shows_discussion_deadline_and_consideration_date(client, index):
    today = timezone.localdate()
    draft = draft_act(
        index,
        date=today,
        discussion_until=today + datetime.timedelta(days=10),
        planned_consideration_on=today + datetime.timedelta(days=30),
    )
    text = main_text(client, draft)
    assert "Оприлюднено для громадського обговорення до" in text
    assert "Запланована дата розгляду" in text


def test_draft_after_its_deadline_says_discussion_is_closed(client, index):
    draft = draft_act(
        index,
        date=datetime.date(2018, 10, 1),
        discussion_until=datetime.date(2018, 10, 20),
    )
    assert "Громадське обговорення завершилося 20 жовтня 2018" in main_text(client, draft)


def test_draft_and_adopted_decision_link_to_each_other(client, index):
    decision = ActPageFactory(parent=index, title="Про бюджет", number="4-49/2018")
    draft = draft_act(
        index,
        title="Проєкт про бюджет",
        adopted_as=decision,
    )
    assert html_of(client, draft.url).find("main").find("a", href=decision.url)
    decision_html = html_of(client, decision.url).find("main")
    assert decision_html.find("a", href=draft.url)
    assert "Проєкти цього рішення" in decision_html.text


def test_relations_are_shown_on_both_acts(client, index):
    old = ActPageFactory(parent=index, title="Правила благоустрою", number="1-10/2017")
    repealed = ActPageFactory(parent=index, title="Старі тарифи", number="2-10/2017")
    new = ActPageFactory(
        parent=index,
        title="Зміни до правил",
        number="5-49/2018",
        relations=[
            m.ActRelation(kind=m.RelationKind.AMENDS, target=old),
            m.ActRelation(kind=m.RelationKind.REPEALS, target=repealed),
        ],
    )
    new_text = main_text(client, new)
    assert "Вносить зміни до: Рішення міської ради № 1-10/2017 «Правила благоустрою»" in new_text
    assert "Скасовує: Рішення міської ради № 2-10/2017 «Старі тарифи»" in new_text
    assert "Змінено актом: Рішення міської ради № 5-49/2018 «Зміни до правил»" in main_text(client, old)
    assert "Скасовано актом: Рішення міської ради № 5-49/2018" in main_text(client, repealed)


def test_attachments_show_file_type_and_size(client, index):
    document = DocumentFactory(title="Текст рішення")
    act = ActPageFactory(
        parent=index, attachments=[("attachment", {"document": document, "title": "", "kind": "scan"})]
    )
    attachment = html_of(client, act.url).select_one(".attachment")
    assert attachment.find("a", href=document.url).text == "Текст рішення"
    meta = attachment.select_one(".doc-meta").text
    assert re.fullmatch(r"PDF, \d+,\d\s(Кб|байт)", meta), meta


def test_commission_documents_concerning_a_draft_are_shown_on_it(client, home_page, index):
    draft = draft_act(index)
    commission = CommissionPageFactory(parent=CommissionIndexPageFactory(parent=home_page))
    conclusion = CommissionDocumentPageFactory(parent=commission, title="Висновок комісії", number="7")
    conclusion.concerns.add(draft)
    conclusion.save_revision().publish()
    section = html_of(client, draft.url).find("section", attrs={"aria-labelledby": "commission-heading"})
    assert section.find("a", href=conclusion.url)


def test_register_form_keeps_the_chosen_filters_and_labels_its_fields(client, register):
    form = html_of(
        client, register.url, {"year": "2019", "issuer": "miska-rada", "type": "council_decision"}
    ).find("form", class_="filters")
    assert form.find("select", attrs={"name": "year"}).find("option", selected=True)["value"] == "2019"
    assert (
        form.find("select", attrs={"name": "issuer"}).find("option", selected=True)["value"] == "miska-rada"
    )
    assert (
        form.find("select", attrs={"name": "type"}).find("option", selected=True)["value"]
        == "council_decision"
    )
    for control in form.find_all(["select", "input"]):
        assert form.find("label", attrs={"for": control["id"]}), control["name"]


def test_act_created_in_the_admin_with_the_suggested_slug_gets_the_readable_one(editor_client, index):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

    data = nested_form_data(
        {
            "title": "Про бюджет громади",
            "slug": "pro-byudzhet-hromady",  # what the admin's slug field fills in from the title
            "act_type": m.ActType.COUNCIL_DECISION,
            "number": "4-49/2018",
            "status": m.ActStatus.ADOPTED,
            "date": "2018-11-08",
            "adopted_on": "2018-11-06",
            "summary": "",
            "body": rich_text("<p>Текст.</p>"),
            "attachments": streamfield([]),
            "relations": inline_formset([]),
            "comments": inline_formset([]),
            "related_pages": streamfield([]),
            "action-publish": "action-publish",
        }
    )
    response = editor_client.post(f"/admin/pages/add/pages/actpage/{index.pk}/", data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    act = m.ActPage.objects.get(title="Про бюджет громади")
    assert act.slug == "rishennia-4-49-2018" and act.live
