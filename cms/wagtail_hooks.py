"""Admin wiring of the core: the admin links to no host but the site's own."""

from urllib.parse import urlsplit

from wagtail import hooks

from . import cache


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
