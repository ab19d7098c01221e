"""The main menu: the home page's children shown in menus, cached until a page changes.

Reading the children of the home page scans every page below it (Wagtail's tree query), about 10 ms
per request at 20,000 pages. The menu changes when an editor publishes, unpublishes, moves or deletes
a page, or a page near the top of the tree is saved, and each of those drops the cached menus; bulk
writes send no signal (the legacy import), so a cached menu also expires after a minute.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, Site, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

#: A cached menu is dropped on every page change; this bounds what bulk writes (no signals) leave.
CACHE_SECONDS = 60
#: Saving a page this deep or shallower may change a menu (site roots are at depth 2).
MENU_DEPTH = 3


def _key(site) -> str:
    return f"cms:main-menu:{site.pk}:{site.root_page_id}"


def main_menu_items(site) -> list:
    """The live pages of ``site``'s home page that are shown in menus, in tree order."""
    items = cache.get(_key(site))
    if items is None:
        items = list(site.root_page.get_children().live().in_menu())
        cache.set(_key(site), items, CACHE_SECONDS)
    return items


def forget_menus(**kwargs) -> None:
    """Drop every site's cached menu."""
    cache.delete_many([_key(site) for site in Site.objects.all()])


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
