"""A prepared query reads the rows its queryset reads, compiles once, and refuses what it cannot prepare."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.prepared import PreparedQuery
from pages.models import NewsPage
from pages.selectors import child_by_slug
from tests.factories import NewsIndexPageFactory, NewsPageFactory


def field_values(page):
    return {field.attname: field.value_to_string(page) for field in type(page)._meta.concrete_fields}


def test_the_routed_child_is_the_row_the_orm_reads(home_page):
    index = NewsIndexPageFactory(parent=home_page, slug="novyny")
    other = NewsIndexPageFactory(parent=home_page, slug="arkhiv")
    news = [NewsPageFactory(parent=index, title=f"Новина {n}", slug=f"n{n}") for n in range(3)]
    NewsPageFactory(parent=other, slug="n1")  # the same slug under another index
    found = child_by_slug(NewsPage, index, "n1")
    expected = NewsPage.objects.child_of(index).filter(slug="n1").first()
    assert found.pk == expected.pk == news[1].pk
    assert field_values(found) == field_values(expected)
    assert list(found.body.raw_data) == list(expected.body.raw_data)
    assert child_by_slug(NewsPage, index, "missing") is None
    assert child_by_slug(NewsPage, news[0], "n1") is None  # not a grandchild


def test_the_sql_is_compiled_once(home_page):
    index = NewsIndexPageFactory(parent=home_page)
    pages = [NewsPageFactory(parent=index, slug=f"n{n}") for n in range(2)]
    built = []

    def build(slug):
        built.append(slug)
        return NewsPage.objects.filter(slug=slug)

    query = PreparedQuery(NewsPage, build, slug=str)
    for page in pages + pages:
        with CaptureQueriesContext(connection) as queries:
            assert [row.pk for row in query(slug=page.slug)] == [page.pk]
        assert len(queries) == 1
    assert len(built) == 1


def test_a_lookup_that_rewrites_its_value_is_refused(db):
    query = PreparedQuery(NewsPage, lambda slug: NewsPage.objects.filter(slug__startswith=slug), slug=str)
    with pytest.raises(ValueError, match=r"\['slug'\].*startswith"):
        query(slug="n")


def test_parameters_are_checked(db):
    query = PreparedQuery(NewsPage, lambda slug: NewsPage.objects.filter(slug=slug), slug=str)
    with pytest.raises(TypeError, match="expected the parameters"):
        query(title="n")
    with pytest.raises(TypeError, match="only int and str"):
        PreparedQuery(NewsPage, lambda day: NewsPage.objects.filter(date=day), day=object)(day=1)
