"""Every page type renders for a visitor, showing its own fields."""

import datetime

from bs4 import BeautifulSoup

from cms.models import SiteSettings
from pages import models as m
from tests.factories import (
    ActIndexPageFactory,
    ActPageFactory,
    CommissionDocumentPageFactory,
    CommissionIndexPageFactory,
    CommissionPageFactory,
    DocumentFactory,
    ImageFactory,
    IssuerFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    StandardPageFactory,
    VideoIndexPageFactory,
    VideoPageFactory,
)


def get_text(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_home_page_shows_latest_news_acts_videos_and_platforms(client, home_page, site):
    SiteSettings.objects.update_or_create(
        site=site,
        defaults={
            "petitions_url": "https://petition.e-dem.ua/nizhyn",
            "open_budget_url": "https://budget.e-dem.ua/nizhyn",
        },
    )
    news = NewsPageFactory(parent=NewsIndexPageFactory(parent=home_page), title="Відкрито ЦНАП")
    act = ActPageFactory(parent=ActIndexPageFactory(parent=home_page), title="Про бюджет на 2019 рік")
    video = VideoPageFactory(parent=VideoIndexPageFactory(parent=home_page), title="Сесія наживо")
    html = get_text(client, home_page)
    main = html.find("main")
    for title in (news.title, act.title, video.title):
        assert main.find("a", string=title)
    assert main.find("a", href="https://petition.e-dem.ua/nizhyn")
    assert main.find("a", href="https://budget.e-dem.ua/nizhyn")
    assert html.find("link", rel="alternate", type="application/rss+xml")


def test_news_page_shows_kind_date_lead_body_image_tags_and_attachments(client, home_page):
    index = NewsIndexPageFactory(parent=home_page)
    document = DocumentFactory(title="Програма заходів")
    news = NewsPageFactory(
        parent=index,
        title="День міста",
        kind=m.NewsKind.ANNOUNCEMENT,
        date=datetime.date(2018, 11, 8),
        lead="Програма свята.",
        main_image=ImageFactory(),
        body=[
            ("paragraph", "<p>Запрошуємо всіх.</p>"),
            ("quote", {"quote": "Ніжин — наш дім", "attribution": "голова"}),
            (
                "table",
                {
                    "data": [["Захід", "Час"], ["Концерт", "18:00"]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                },
            ),
            ("document", {"document": document, "title": ""}),
        ],
        attachments=[("attachment", {"document": document, "title": "", "kind": "annex"})],
    )
    news.tags.add("свята")
    news.save_revision().publish()
    html = get_text(client, news)
    text = html.find("main").get_text(" ")
    assert "Оголошення" in text and "8 листопада 2018" in text and "Програма свята." in text
    assert "Запрошуємо всіх." in text and "Ніжин — наш дім" in text and "Концерт" in text
    assert html.find("main").find("img")
    tag_link = html.find("a", class_="tag", string="свята")
    assert tag_link["href"] == f"{index.url}?tag={news.tags.get().slug}"
    assert len(html.find_all("a", href=document.url)) == 2


def test_standard_page_shows_body_and_subpages(client, home_page):
    about = StandardPageFactory(
        parent=home_page, title="Про раду", body=[("paragraph", "<p>Рада — орган громади.</p>")]
    )
    StandardPageFactory(parent=about, title="Структура", show_in_menus=True)
    html = get_text(client, about)
    assert "Рада — орган громади." in html.find("main").text
    assert html.find("nav", class_="subpages").find("a", string="Структура")


def test_commission_pages_show_chair_members_documents_and_concerned_drafts(client, home_page):
    acts = ActIndexPageFactory(parent=home_page)
    draft = ActPageFactory(
        parent=acts,
        act_type=m.ActType.DRAFT_DECISION,
        title="Про тарифи",
        status=m.ActStatus.DRAFT,
        adopted_on=None,
        number="ПР-5",
    )
    index = CommissionIndexPageFactory(parent=home_page)
    commission = CommissionPageFactory(
        parent=index,
        title="Бюджетна комісія",
        chair="Бойко О. М.",
        members="Бойко О. М.\nМельник І. С.",
        contacts="кімн. 305",
    )
    document = CommissionDocumentPageFactory(parent=commission, title="Висновок щодо тарифів", number="12")
    document.concerns.add(draft)
    document.save_revision().publish()
    index_html = get_text(client, index)
    assert index_html.find("a", string="Бюджетна комісія")
    commission_text = get_text(client, commission).find("main").text
    assert (
        "Бойко О. М." in commission_text
        and "Мельник І. С." in commission_text
        and "кімн. 305" in commission_text
    )
    assert "Висновок щодо тарифів" in commission_text
    document_html = get_text(client, document)
    assert (
        "Висновок" in document_html.find("main").text
        and "5 листопада 2018" in document_html.find("main").text
    )
    assert document_html.find("a", href=draft.url)
    assert get_text(client, draft).find("a", href=document.url)


def test_video_index_lists_videos(client, home_page):
    index = VideoIndexPageFactory(parent=home_page)
    VideoPageFactory(parent=index, title="Звіт голови")
    assert get_text(client, index).find("a", string="Звіт голови")


def test_act_index_and_act_page_render_with_issuer(client, home_page):
    index = ActIndexPageFactory(parent=home_page)
    issuer = IssuerFactory(name="Ніжинська міська рада", slug="miska-rada")
    act = ActPageFactory(parent=index, title="Про бюджет", issuer=issuer, number="1-49/2018")
    assert get_text(client, index).find("a", string="Про бюджет")
    text = get_text(client, act).find("main").text
    assert "Ніжинська міська рада" in text and "1-49/2018" in text
