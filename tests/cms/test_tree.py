"""The contract of ``cms.tree``: pages appended in bulk leave a tree that treebeard finds sound.

Run on SQLite and on PostgreSQL (``DATABASE_URL``): ``Page.find_problems()`` and ``manage.py fixtree``
report nothing, and the ordinary tree API (``add_child``, ``get_children``, ``move``) keeps working.
"""

import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from wagtail.models import Page

from cms.tree import PageTree, insert_specific, key_to_step, step_to_key
from pages.models import StandardPage

pytestmark = pytest.mark.django_db


def standard_pages(tree, parent, count, prefix):
    content_type = ContentType.objects.get_for_model(StandardPage)
    return [
        tree.place(
            StandardPage(
                title=f"{prefix} {n}",
                draft_title=f"{prefix} {n}",
                slug=f"{prefix}-{n}",
                content_type=content_type,
            ),
            parent,
        )
        for n in range(count)
    ]


def write(tree, pages):
    for page, base in zip(pages, tree.create(pages), strict=True):
        page.page_ptr_id = base.pk
    insert_specific(StandardPage, pages)


def assert_sound_tree():
    assert all(problems == [] for problems in Page.find_problems())
    out = io.StringIO()
    call_command("fixtree", stdout=out)
    assert "No problems found." in out.getvalue()


def test_a_step_key_is_treebeards(home_page):
    children = [home_page.add_child(instance=StandardPage(title=f"С {n}", slug=f"s-{n}")) for n in range(3)]
    assert [key_to_step(child.path[-Page.steplen :]) for child in children] == [1, 2, 3]
    assert [home_page.path + step_to_key(n) for n in (1, 2, 3)] == [child.path for child in children]
    assert key_to_step(step_to_key(46655)) == 46655 and step_to_key(36) == "0010"


def test_a_step_past_the_alphabet_is_refused():
    with pytest.raises(ValueError):
        step_to_key(len(Page.alphabet) ** Page.steplen)


def test_pages_appended_in_bulk_leave_a_sound_tree(home_page):
    existing = home_page.add_child(instance=StandardPage(title="Наявна", slug="nayavna"))
    section = home_page.add_child(instance=StandardPage(title="Розділ", slug="rozdil"))
    tree = PageTree()
    write(tree, standard_pages(tree, home_page, 40, "a") + standard_pages(tree, section, 5, "b"))
    assert_sound_tree()
    home_page.refresh_from_db()
    assert home_page.numchild == 42 and home_page.get_children().first().pk == existing.pk
    section.refresh_from_db()  # treebeard answers get_children() from numchild
    assert [page.slug for page in section.get_children()] == [f"b-{n}" for n in range(5)]
    assert StandardPage.objects.get(slug="a-39").url == "/a-39/"


def test_the_ordinary_tree_api_works_after_a_bulk_write(home_page):
    tree = PageTree()
    pages = standard_pages(tree, home_page, 3, "c")
    write(tree, pages)
    later = home_page.add_child(instance=StandardPage(title="Пізніша", slug="piznisha"))
    assert later.path > pages[-1].path
    StandardPage.objects.get(slug="c-0").move(later, pos="last-child")
    Page.objects.get(slug="c-1").delete()
    assert_sound_tree()


def test_a_second_writer_continues_after_the_last_child(home_page):
    first, second = PageTree(), PageTree()
    write(first, standard_pages(first, home_page, 2, "d"))
    write(second, standard_pages(second, home_page, 2, "e"))
    assert_sound_tree()
    home_page.refresh_from_db()
    assert list(home_page.get_children().values_list("slug", flat=True)) == ["d-0", "d-1", "e-0", "e-1"]


def test_forget_reads_the_tree_again_after_a_rollback(home_page):
    tree = PageTree()
    standard_pages(tree, home_page, 3, "f")  # placed, never written: as after a rolled-back batch
    tree.forget()
    write(tree, standard_pages(tree, home_page, 1, "g"))
    assert Page.objects.get(slug="g-0").path == home_page.path + step_to_key(1)
    assert_sound_tree()
