"""The admin speaks Ukrainian on every screen an editor or a registry keeper reaches.

The crawl reads every menu entry and every screen linked from one (lists, add and edit forms, filters,
history, usage, reports, import and export), one of each kind, and fails on any Latin-letter word that
is not a proper name or an abbreviation of the allow-list in ``visible_text``. The same crawls check
that no screen names another host (``test_offline``): one crawl of the admin serves both.
"""

from .crawl import crawl
from .visible_text import UPSTREAM_LITERALS


def english_on(result, allowed=UPSTREAM_LITERALS):
    """The crawl's English report, less the upstream literals."""
    found = {url: [text for text in texts if text not in allowed] for url, texts in result.english.items()}
    result.english = {url: texts for url, texts in found.items() if texts}
    return result.report()


def test_every_admin_screen_a_superuser_reaches_is_in_ukrainian(superuser_client, admin_content):
    result = crawl(superuser_client)
    assert len(result.visited) > 150, result.visited
    assert english_on(result) == ""
    assert result.external == {}


def test_empty_admin_screens_are_in_ukrainian(superuser_client):
    result = crawl(superuser_client)
    assert english_on(result) == ""
    assert result.external == {}


def test_every_admin_screen_a_registry_keeper_reaches_is_in_ukrainian(keeper_client, admin_content):
    result = crawl(keeper_client)
    assert {"/admin/registry/ngo/", "/admin/registry/import/ngo/"} <= set(result.visited), result.visited
    assert english_on(result) == ""
    assert result.external == {}
