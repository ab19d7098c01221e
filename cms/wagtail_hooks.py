"""Admin wiring of the core: the admin links to no host but the site's own; documents' text extraction."""

from urllib.parse import urlsplit

from django.urls import path
from wagtail import hooks

from . import cache
from .document_views import DocumentIndexView, DocumentMultipleAddView


def is_external(url: str) -> bool:
    """Whether a link leaves the site (an absolute URL with a host of its own)."""
    return bool(urlsplit(url).netloc)


@hooks.register("construct_help_menu")
def drop_external_help_items(request, menu_items):
    """Wagtail's «What's new» and «Editor Guide» lead to wagtail.org, which a council intranet cannot reach.

    What is left of the help menu (the keyboard shortcuts) works offline.
    """
    menu_items[:] = [item for item in menu_items if not is_external(getattr(item, "url", "") or "")]


# A page that passed its view restrictions may be stored in the public page cache (cms.cache).
hooks.register("on_serve_page", cache.on_serve_page)


@hooks.register("register_admin_urls")
def register_document_views():
    """Our document listing and multiple upload, in front of Wagtail's at the same addresses.

    ``cms`` precedes ``wagtail.documents`` in INSTALLED_APPS, so these patterns are matched first and
    every ``wagtaildocs:`` URL name keeps working (tested in tests/cms/test_document_admin.py).
    """
    return [
        path("documents/", DocumentIndexView.as_view(), name="cms_documents_index"),
        path(
            "documents/results/", DocumentIndexView.as_view(results_only=True), name="cms_documents_results"
        ),
        path("documents/multiple/add/", DocumentMultipleAddView.as_view(), name="cms_documents_add_multiple"),
    ]
