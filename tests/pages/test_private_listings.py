"""A page behind a login, a group or a password is listed nowhere a visitor without access reads.

Its own URL asks for the login; the home page's latest items, an index's listing, a feed and the
pages that link related items must not give away its title, lead or summary meanwhile (the site map,
search and open data already read public pages only).
"""

import pytest
from wagtail.models import PageViewRestriction

from pages.models import ActStatus, ActType
from tests import factories as f

pytestmark = pytest.mark.django_db

SECRET = "Таємний заголовок"


def restrict(page, kind=PageViewRestriction.LOGIN):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind, password="пароль")
    return restriction


def text(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_home_page_lists_nothing_of_a_private_section(client, home_page):
    news_index = f.NewsIndexPageFactory(parent=home_page)
    f.NewsPageFactory(parent=news_index, title="Відкрита новина")
    closed = f.NewsIndexPageFactory(parent=home_page, title="Внутрішні", slug="vnutrishni")
    f.NewsPageFactory(parent=closed, title=f"{SECRET}: новина")
    acts = f.ActIndexPageFactory(parent=home_page)
    restrict(f.ActPageFactory(parent=acts, title=f"{SECRET}: рішення"), PageViewRestriction.PASSWORD)
    videos = f.VideoIndexPageFactory(parent=home_page)
    restrict(f.VideoPageFactory(parent=videos, title=f"{SECRET}: відео"))
    restrict(closed)

    page = text(client, "/")
    assert "Відкрита новина" in page
    assert SECRET not in page


@pytest.mark.parametrize("feed", ["", "rss/", "atom/"])
def test_an_index_and_its_feeds_do_not_list_a_private_item(client, home_page, feed):
    index = f.NewsIndexPageFactory(parent=home_page)
    f.NewsPageFactory(parent=index, title="Відкрита новина")
    restrict(f.NewsPageFactory(parent=index, title=SECRET, lead="Таємний виклад"))

    page = text(client, f"/novyny/{feed}")
    assert "Відкрита новина" in page
    assert SECRET not in page and "Таємний виклад" not in page


def test_the_acts_videos_and_commissions_listings_skip_private_pages(client, home_page):
    acts = f.ActIndexPageFactory(parent=home_page)
    f.ActPageFactory(parent=acts, title="Відкрите рішення")
    restrict(f.ActPageFactory(parent=acts, title=f"{SECRET}: рішення"))
    videos = f.VideoIndexPageFactory(parent=home_page)
    f.VideoPageFactory(parent=videos, title="Відкрите відео")
    restrict(f.VideoPageFactory(parent=videos, title=f"{SECRET}: відео"))
    commissions = f.CommissionIndexPageFactory(parent=home_page)
    commission = f.CommissionPageFactory(parent=commissions, title="Відкрита комісія")
    restrict(f.CommissionPageFactory(parent=commissions, title=f"{SECRET}: комісія"))
    f.CommissionDocumentPageFactory(parent=commission, title="Відкритий висновок")
    restrict(f.CommissionDocumentPageFactory(parent=commission, title=f"{SECRET}: висновок"))

    for url, shown in [
        ("/dokumenty/", "Відкрите рішення"),
        ("/video/", "Відкрите відео"),
        ("/komisii/", "Відкрита комісія"),
        (commission.url, "Відкритий висновок"),
    ]:
        page = text(client, url)
        assert shown in page, url
        assert SECRET not in page, url


def test_an_act_page_names_no_private_draft_or_commission_document(client, home_page):
    acts = f.ActIndexPageFactory(parent=home_page)
    decision = f.ActPageFactory(parent=acts, title="Рішення про бюджет")
    restrict(
        f.ActPageFactory(
            parent=acts,
            title=f"{SECRET}: проєкт",
            act_type=ActType.DRAFT_DECISION,
            status=ActStatus.DRAFT,
            adopted_on=None,
            adopted_as=decision,
        )
    )
    commission = f.CommissionPageFactory(parent=f.CommissionIndexPageFactory(parent=home_page))
    document = f.CommissionDocumentPageFactory(parent=commission, title=f"{SECRET}: висновок")
    document.concerns.add(decision)
    document.save_revision().publish()
    restrict(document)

    page = text(client, decision.url)
    assert "Рішення про бюджет" in page
    assert SECRET not in page
