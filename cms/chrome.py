"""Fragments of every page that do not depend on the page, rendered once per worker process.

The footer (the council's contacts and links from the site settings), the head's stylesheet and
icons and the header's brand and search form are the same on every page of a site, yet each
request rendered them again: some 0.4 ms of CPU of reversed URLs, static-file lookups and
translations, about a tenth of an uncached news page. ``{% chrome "name" value... %}`` renders
its content once per worker and keeps it under a key made of everything the content shows: the
values given (a model instance stands for the values of its fields, so an edited site setting is
a new key at once, with no signal to miss), the active language and the URL prefix. What the
content shows must all be in that key: never the page, the user, a CSRF token or a form's state.

The fragments live in the process (a bounded LRU), not the shared cache: a hit is a dictionary
lookup, not a round trip to Redis, and a restart after a deploy starts clean. A changed Django
setting (``override_settings`` in the tests) drops them all.
"""

import threading
from collections import OrderedDict

from django.core.signals import setting_changed
from django.db import models

#: Distinct fragments kept per process: a few per site (settings edits make new keys, old ones age out).
MAX_ENTRIES = 64

_fragments: OrderedDict = OrderedDict()
_lock = threading.Lock()


def key_part(value):
    """A hashable stand-in for ``value``: a model instance by its class and field values."""
    if isinstance(value, models.Model):
        fields = value._meta.concrete_fields
        return (value._meta.label, tuple(field.value_to_string(value) for field in fields))
    return value


def fragment(key: tuple, render) -> str:
    """The HTML kept under ``key``, or ``render()``'s, kept for the next request."""
    with _lock:
        html = _fragments.get(key)
        if html is not None:
            _fragments.move_to_end(key)
            return html
    html = render()
    with _lock:
        _fragments[key] = html
        while len(_fragments) > MAX_ENTRIES:
            _fragments.popitem(last=False)
    return html


def forget(**kwargs) -> None:
    """Drop every kept fragment: a setting changed (tests' ``override_settings``: static URLs...)."""
    with _lock:
        _fragments.clear()


setting_changed.connect(forget, dispatch_uid="cms_chrome_setting_changed")
