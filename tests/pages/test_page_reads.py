"""The reads of the act and news pages cut for speed show what they showed: the act's relation
flags, the drafts the discussion section shares, the news tags, and a preview's own rows."""

from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.models import CouncilDocument
from pages import models as m
from tests.factories import (
    ActIndexPageFactory,
    ActPageFactory,
    DocumentFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)


def text_of(response):
    return " ".join(
        BeautifulSoup(response.content.decode(), "html.parser").find("main").get_text(" ").split()
    )


def test_an_act_without_related_rows_reads_no_list_and_no_drafts(client, home_page):
    index = ActIndexPageFactory(parent=home_page)
    act = ActPageFactory(parent=index)
    client.get(act.url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(act.url).status_code == 200
    assert not [q for q in queries if '"pages_actpage"."adopted_as_id" =' in q["sql"]]  # no drafts read
    assert not [q for q in queries if '"pages_actrelation"' in q["sql"]]  # nor relations
    flags = [q for q in queries if "pages_commissiondocumentpage_concerns" in q["sql"]]
    assert len(flags) == 1  # one statement asks for all four


def test_each_flag_shows_its_list(client, home_page):
    index = ActIndexPageFactory(parent=home_page)
    target = ActPageFactory(parent=index, title="Про бюджет")
    act = ActPageFactory(parent=index, relations=[m.ActRelation(kind=m.RelationKind.AMENDS, target=target)])
    ActPageFactory(
        parent=index, title="Про тарифи", relations=[m.ActRelation(kind=m.RelationKind.REPEALS, target=act)]
    )
    ActPageFactory(
        parent=index,
        title="Проєкт про парк",
        act_type=m.ActType.DRAFT_DECISION,
        adopted_as=act,
        adopted_on=None,
    )
    unpublished = ActPageFactory(parent=index, title="Про сквер", live=False)
    ActPageFactory(parent=index, relations=[m.ActRelation(kind=m.RelationKind.AMENDS, target=unpublished)])
    text = text_of(client.get(act.url))
    assert "Про бюджет" in text and "Про тарифи" in text and "Проєкт про парк" in text
    assert "Про сквер" not in text


def test_a_preview_shows_the_revisions_own_relations(home_page):
    index = ActIndexPageFactory(parent=home_page)
    target = ActPageFactory(parent=index, title="Про бюджет")
    act = ActPageFactory(parent=index)
    act.relations = [m.ActRelation(kind=m.RelationKind.AMENDS, target=target)]  # not saved: in memory
    response = act.make_preview_request()
    response.render()
    text = text_of(response)
    assert "Про бюджет" in text


def test_news_tags_are_the_tags_in_their_order_and_a_previews_own(client, home_page):
    index = NewsIndexPageFactory(parent=home_page)
    news = NewsPageFactory(parent=index)
    news.tags.add("сесія", "бюджет", "архів")
    news.save()
    news = m.NewsPage.objects.get(pk=news.pk)
    assert [tag.name for tag in news.tag_list()] == [tag.name for tag in news.tags.all()]
    assert [tag.name for tag in news.tag_list()] == ["сесія", "бюджет", "архів"]
    assert "?tag=biudzhet" in client.get(news.url).content.decode() or "бюджет" in text_of(
        client.get(news.url)
    )
    news.tags.set(["ремонт"])  # in memory, as a preview's revision holds them
    assert [tag.name for tag in news.tag_list()] == ["ремонт"]
    response = news.make_preview_request()
    response.render()
    assert "ремонт" in text_of(response) and "бюджет" not in text_of(response)


def test_an_act_page_shows_its_attachments_without_reading_their_text_which_search_still_finds(
    client, home_page
):
    document = DocumentFactory(title="Додаток 1")
    CouncilDocument.objects.filter(pk=document.pk).update(extracted_text="Схема розміщення лавочок у сквері")
    act = ActPageFactory(
        parent=ActIndexPageFactory(parent=home_page),
        attachments=[("attachment", {"document": document, "title": "", "kind": "annex"})],
    )
    client.get(act.url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(act.url)
    assert "Додаток 1" in text_of(response)
    assert not [q for q in queries if "extracted_text" in q["sql"]]
    page = m.ActPage.objects.get(pk=act.pk)
    assert "Схема розміщення лавочок у сквері" in page.search_texts()
