"""The admin speaks Ukrainian on every screen an editor or a registry keeper reaches.

The crawl reads every menu entry and every screen linked from one (lists, add and edit forms, filters,
history, usage, reports, import and export), one of each kind, and fails on any Latin-letter word that
is not a proper name or an abbreviation of the allow-list in ``visible_text``.
"""

from .crawl import crawl

#: English that Wagtail 8.0 prints without gettext, so no translation can reach it. Each entry names
#: the template or view; remove an entry when an upgrade translates it (the test then still passes).
UPSTREAM_LITERALS = {
    "Search",  # wagtailadmin/shared/header.html, home.html: the screen-reader-only submit button
    "Actions",  # wagtailadmin/shared/headers/_actions.html: the aria-label of the header's buttons
    "True",  # wagtailusers/users/index: the screen-reader text of the «active» tick
    "False",
    "None",  # reports/aging_pages: the user column when nobody published the page
    "Port",  # wagtail/sites/views.py: columns declared without a label
    "Site name",
    "Root page",
    "Page",  # wagtailcore.WorkflowPage.page has no verbose_name: the workflow form's hidden label
    "Сортувати за «Port» за зростанням.",
}


def english_on(result, allowed=UPSTREAM_LITERALS):
    """The crawl's English report, less the upstream literals."""
    found = {url: [text for text in texts if text not in allowed] for url, texts in result.english.items()}
    result.english = {url: texts for url, texts in found.items() if texts}
    return result.report()


def test_every_admin_screen_a_superuser_reaches_is_in_ukrainian(superuser_client, admin_content):
    result = crawl(superuser_client)
    assert len(result.visited) > 150, result.visited
    assert english_on(result) == ""


def test_empty_admin_screens_are_in_ukrainian(superuser_client):
    result = crawl(superuser_client)
    assert english_on(result) == ""


def test_every_admin_screen_a_registry_keeper_reaches_is_in_ukrainian(keeper_client, admin_content):
    result = crawl(keeper_client)
    assert any("/admin/registry/ngo/" in url for url in result.visited), result.visited
    assert english_on(result) == ""
