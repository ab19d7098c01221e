"""Each page type can be created only where the site structure allows it."""

import pytest
from wagtail.models import Page

from pages import models as m
from tests.factories import (
    ActIndexPageFactory,
    CommissionIndexPageFactory,
    CommissionPageFactory,
    NewsIndexPageFactory,
    StandardPageFactory,
    VideoIndexPageFactory,
)

ALLOWED_PARENTS = {
    m.HomePage: {Page},
    m.NewsIndexPage: {m.HomePage},
    m.NewsPage: {m.NewsIndexPage},
    m.ActIndexPage: {m.HomePage},
    m.ActPage: {m.ActIndexPage},
    m.CommissionIndexPage: {m.HomePage},
    m.CommissionPage: {m.CommissionIndexPage},
    m.CommissionDocumentPage: {m.CommissionPage},
    m.VideoIndexPage: {m.HomePage},
    m.VideoPage: {m.VideoIndexPage},
    m.StandardPage: {m.HomePage, m.StandardPage},
}


@pytest.mark.parametrize("page_type", ALLOWED_PARENTS, ids=lambda t: t.__name__)
def test_page_type_declares_exactly_its_allowed_parents(page_type):
    assert set(page_type.allowed_parent_page_models()) == ALLOWED_PARENTS[page_type]


@pytest.fixture
def tree(home_page):
    """One page of every container type, to try creating each type under each of them."""
    commissions = CommissionIndexPageFactory(parent=home_page)
    return {
        m.HomePage: home_page,
        m.NewsIndexPage: NewsIndexPageFactory(parent=home_page),
        m.ActIndexPage: ActIndexPageFactory(parent=home_page),
        m.CommissionIndexPage: commissions,
        m.CommissionPage: CommissionPageFactory(parent=commissions),
        m.VideoIndexPage: VideoIndexPageFactory(parent=home_page),
        m.StandardPage: StandardPageFactory(parent=home_page),
    }


@pytest.mark.parametrize(
    "page_type", [t for t in ALLOWED_PARENTS if t is not m.HomePage], ids=lambda t: t.__name__
)
def test_page_type_can_be_created_only_under_its_allowed_parents(tree, page_type):
    for parent_type, parent in tree.items():
        expected = parent_type in ALLOWED_PARENTS[page_type]
        assert page_type.can_create_at(parent) is expected, parent_type.__name__


def test_second_home_page_cannot_be_created(home_page):
    assert not m.HomePage.can_create_at(Page.get_first_root_node())


@pytest.mark.parametrize(
    "page_type, parent_type",
    [
        (m.NewsPage, m.HomePage),
        (m.ActPage, m.NewsIndexPage),
        (m.CommissionDocumentPage, m.CommissionIndexPage),
        (m.VideoPage, m.ActIndexPage),
        (m.NewsIndexPage, m.StandardPage),
    ],
    ids=lambda v: v.__name__,
)
def test_admin_refuses_to_add_a_page_under_a_wrong_parent(editor_client, tree, page_type, parent_type):
    parent = tree[parent_type]
    url = f"/admin/pages/add/pages/{page_type._meta.model_name}/{parent.pk}/"
    response = editor_client.get(url, follow=True)
    assert response.redirect_chain == [("/admin/", 302)]
    assert "не маєте дозволів" in " ".join(str(message) for message in response.context["messages"])
    assert not page_type.objects.child_of(parent).exists()
    response = editor_client.post(url, {"title": "Спроба", "slug": "sproba", "action-publish": "1"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert not Page.objects.filter(slug="sproba").exists()


def test_admin_offers_the_add_form_under_an_allowed_parent(editor_client, tree):
    response = editor_client.get(f"/admin/pages/add/pages/newspage/{tree[m.NewsIndexPage].pk}/")
    assert response.status_code == 200
