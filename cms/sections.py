"""Sections that other apps add to a page, without the page type knowing them.

An app registers a Wagtail hook named ``radasite_page_sections``: a function ``(page, request)``
returning an HTML fragment (from ``render_to_string``) or ``""``. The page's template prints them all
with ``{% page_sections page %}``. Fragments not marked safe are escaped.
"""

from django.utils.html import format_html_join
from wagtail import hooks

HOOK = "radasite_page_sections"


def page_sections(page, request) -> str:
    """The fragments every registered hook renders for ``page``, in registration order."""
    fragments = (hook(page, request) for hook in hooks.get_hooks(HOOK))
    return format_html_join("", "{}", ((fragment,) for fragment in fragments if fragment))
