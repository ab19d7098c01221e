"""The top of the tree: the children of a site's home page, cached until a page near the top changes.

They are the main menu (those live and shown in menus), the first level of every URL (Wagtail's
routing reads the child of the home page named by the path: a page query and its specific row on
every request below the home page) and the home page's links to its indexes. Reading them scans the
tree (about 10 ms per request at 20,000 pages for the menu alone), so they are read once, as their
specific types in tree order, and kept in Django's cache.

They change when an editor publishes, unpublishes, moves or deletes a page, or a page near the
top of the tree is saved, and each of those drops the cached lists; bulk writes send no signal
(the legacy import), so a cached list also expires after a minute. Whatever the request may see
is still decided per request: Wagtail's routing checks ``live`` and the view restrictions of the
page it serves and of its ancestors on every request.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, Site, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

#: A cached list is dropped on every page change; this bounds what bulk writes (no signals) leave.
CACHE_SECONDS = 60
#: Saving a page this deep or shallower may change a menu (site roots are at depth 2).
MENU_DEPTH = 3


def _key(root_page_id) -> str:
    return f"cms:top-pages:{root_page_id}"


def top_pages(root) -> list:
    """Every child of ``root`` (a site's home page), live or not, as its specific type, in tree order."""
    pages = cache.get(_key(root.pk))
    if pages is None:
        pages = list(root.get_children().specific())
        cache.set(_key(root.pk), pages, CACHE_SECONDS)
    for page in pages:
        page._cached_parent_obj = root  # treebeard's get_parent() reads it: no query for the parent
    return pages


def site_top_pages(page, request) -> list | None:
    """``top_pages(page)`` when ``page`` is the root of the request's site, else None.

    Only a site's root has its cached list dropped by the signals below.
    """
    site = Site.find_for_request(request) if request is not None else None
    if site is None or site.root_page_id != page.pk:
        return None
    return top_pages(page)


def main_menu_items(site) -> list:
    """The live pages of ``site``'s home page that are shown in menus, in tree order."""
    return [page for page in top_pages(site.root_page) if page.live and page.show_in_menus]


def forget_menus(**kwargs) -> None:
    """Drop every site's cached top pages (the menus, the first level of routing)."""
    cache.delete_many([_key(pk) for pk in Site.objects.values_list("root_page_id", flat=True)])


def _forget_on_page_write(sender, instance, **kwargs):
    if (instance.depth or 0) <= MENU_DEPTH:
        forget_menus()


def connect_signals() -> None:
    """Listen to the page signals only: Wagtail's, and ``post_save``/``post_delete`` of the page models.

    Called from ``CmsConfig.ready()``, when every page model is loaded. Django sends ``post_save``
    for the saved (concrete) class only, so each page model is a sender; a page's deletion deletes
    its ``wagtailcore.Page`` row, so ``Page`` is the one sender of ``post_delete`` needed.
    """
    page_published.connect(forget_menus, dispatch_uid="cms_menus_published")
    page_unpublished.connect(forget_menus, dispatch_uid="cms_menus_unpublished")
    post_page_move.connect(forget_menus, dispatch_uid="cms_menus_moved")
    for model in get_page_models():
        post_save.connect(
            _forget_on_page_write, sender=model, dispatch_uid=f"cms_menus_saved:{model._meta.label_lower}"
        )
    post_delete.connect(_forget_on_page_write, sender=Page, dispatch_uid="cms_menus_deleted")
