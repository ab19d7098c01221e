"""The public page cache: whole responses of public pages kept in Django's cache, keyed on the full URL.

Only anonymous ``GET``/``HEAD`` requests are looked up: a request with a session or CSRF cookie (an
editor, a visitor who sent a form), an ``Authorization`` header, or under an excluded prefix (the
admin, search, documents, the API) goes straight to the view and its response is marked ``private``.
A response is stored only when the view opted in: a Wagtail page served through ``serve`` (the
``on_serve_page`` hook, which runs only after the view restrictions let the request through) or one
of ``PAGE_CACHE_EXTRA_PATHS`` (the sitemap); with status 200, no cookie set and no ``private`` or
``no-store``. So search, form pages (they set the CSRF cookie), POSTs and previews are never stored.

Purging is by path: every response key carries a token of its path and a site-wide generation, so
replacing a path's token drops every cached variant of it (``?page=2``, ``?tag=...``, every host)
in one write, and replacing the generation drops everything. Views outside the page tree (the
council's deputies and meetings) opt in with :func:`cacheable`; their prefixes form a *section*
(``PAGE_CACHE_SECTIONS``) whose token is in each of their keys too, so a change to the records they
show drops the whole section in one write (:func:`purge_section`). :class:`DjangoCacheBackend` is a
backend of Wagtail's frontend-cache invalidation (``WAGTAILFRONTENDCACHE``) doing exactly that, so a
CDN or Varnish configured beside it is purged by the same calls (``cms.cache_purge``).

The cache is Django's default one: Redis when ``REDIS_URL`` is set, local memory otherwise (one
per worker process, so several workers without Redis each keep and purge their own).
"""

import functools
import hashlib
import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_max_age, patch_cache_control, patch_vary_headers
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

GENERATION_KEY = "pagecache:generation"
HEADER = "X-Page-Cache"
#: A query string longer than this is not cached (each variant is an entry; bots append junk).
MAX_QUERY_LENGTH = 256


def enabled() -> bool:
    return getattr(settings, "PAGE_CACHE_ENABLED", True)


def seconds() -> int:
    """How long an entry lives, and the ``s-maxage`` a shared cache in front may keep a page."""
    return getattr(settings, "PAGE_CACHE_SECONDS", 600)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def _path_key(path: str) -> str:
    return f"pagecache:path:{_digest(path)}"


def _section_key(name: str) -> str:
    return f"pagecache:section:{name}"


def section_of(path: str) -> str | None:
    """The name of the ``PAGE_CACHE_SECTIONS`` entry whose prefixes ``path`` falls under, if any."""
    for name, section in getattr(settings, "PAGE_CACHE_SECTIONS", {}).items():
        if path.startswith(tuple(section["prefixes"])):
            return name
    return None


def _tokens(path: str) -> list[str]:
    """The site-wide generation, the path's token and its section's, created when missing (or evicted).

    One round trip to the cache for all of them; more only to create a missing one.
    """
    keys = [GENERATION_KEY, _path_key(path)]
    section = section_of(path)
    if section is not None:
        keys.append(_section_key(section))
    found = cache.get_many(keys)
    tokens = []
    for key in keys:
        token = found.get(key)
        if token is None:
            token = secrets.token_hex(8)
            if not cache.add(key, token, None):
                token = cache.get(key) or token
        tokens.append(token)
    return tokens


def generation() -> str:
    """The site-wide generation: whatever is cached under it is dropped by :func:`purge_everything`."""
    token = cache.get(GENERATION_KEY)
    if token is None:
        token = secrets.token_hex(8)
        if not cache.add(GENERATION_KEY, token, None):
            token = cache.get(GENERATION_KEY) or token
    return token


def response_key(request) -> str:
    """The entry of this request's URL: scheme, host, path and query, under the current tokens."""
    tokens = ":".join(_tokens(request.path))
    url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return f"pagecache:response:{_digest(url)}:{tokens}"


def purge_paths(paths) -> None:
    """Drop every cached variant of these paths (on every host, with any query string)."""
    cache.set_many({_path_key(path): secrets.token_hex(8) for path in set(paths)}, None)


def purge_everything() -> None:
    """Drop every cached page: a snippet shown on every page (site settings, the menu) changed."""
    cache.set(GENERATION_KEY, secrets.token_hex(8), None)


def purge_section(name: str) -> None:
    """Drop every cached page under the prefixes of the section ``name`` (``PAGE_CACHE_SECTIONS``)."""
    cache.set(_section_key(name), secrets.token_hex(8), None)


class DjangoCacheBackend(BaseBackend):
    """Wagtail frontend-cache backend that purges this site's own page cache (Django's cache)."""

    def purge(self, url) -> None:
        self.purge_batch([url])

    def purge_batch(self, urls) -> None:
        purge_paths(urlsplit(url).path or "/" for url in urls)

    def purge_everything(self) -> None:
        purge_everything()

    def purge_section(self, name) -> None:
        purge_section(name)


def mark_cacheable(request) -> None:
    """The response to ``request`` may be stored if it turns out storable (see :func:`storable`)."""
    request.page_cache_allowed = True


def cacheable(view):
    """View decorator: the view's public answers may be stored, under its section's token.

    For views outside the page tree: only a path under a ``PAGE_CACHE_SECTIONS`` prefix is stored,
    because only a section is purged when the records such a view shows change
    (``cms.cache_purge.purge_section``). Mounted elsewhere, the view is served uncached.
    """

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if section_of(request.path) is not None:
            mark_cacheable(request)
        return view(request, *args, **kwargs)

    return wrapper


def on_serve_page(next_serve_page):
    """Wagtail ``on_serve_page`` hook: a page that passed the view restrictions may be cached."""

    def serve_page(page, request, args, kwargs):
        if not getattr(request, "is_preview", False):
            mark_cacheable(request)
        return next_serve_page(page, request, args, kwargs)

    return serve_page


def _bypass_cookies() -> tuple[str, ...]:
    return (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME)


def eligible(request) -> bool:
    """Whether the request may be answered from the shared cache: anonymous, read-only, public."""
    if request.method not in ("GET", "HEAD"):
        return False
    if any(name in request.COOKIES for name in _bypass_cookies()):
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_LENGTH:
        return False
    excluded = getattr(settings, "PAGE_CACHE_EXCLUDED_PREFIXES", ())
    return not request.path.startswith(tuple(excluded))


def storable(request, response) -> bool:
    """Whether a response the view produced may be stored and shared."""
    opted_in = getattr(request, "page_cache_allowed", False) or request.path in getattr(
        settings, "PAGE_CACHE_EXTRA_PATHS", ()
    )
    if not opted_in or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or getattr(request, "is_preview", False):
        return False
    control = response.get("Cache-Control", "").lower()
    return not any(word in control for word in ("private", "no-store", "no-cache"))


def _freeze(response) -> tuple:
    return (response.status_code, list(response.items()), response.content)


def _thaw(frozen) -> HttpResponse:
    status, headers, content = frozen
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


class PageCacheMiddleware:
    """Serve anonymous requests for public pages from the cache; store what the views allow.

    Placed after the security and static-file middleware (their headers are added to every answer,
    hit or miss) and before the session middleware (a hit costs no session or user lookup).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not enabled() or not eligible(request):
            response = self.get_response(request)
            if "Cache-Control" not in response:
                patch_cache_control(response, private=True)
            return response
        key = response_key(request)
        frozen = cache.get(key)
        if frozen is not None:
            response = _thaw(frozen)
            response[HEADER] = "hit"
            return response
        response = self.get_response(request)
        if storable(request, response):
            # Browsers revalidate (a publish must show at once); a view's own max-age (robots.txt) stays.
            if get_max_age(response) is None:
                patch_cache_control(response, max_age=0)
            patch_cache_control(response, public=True, s_maxage=seconds())
            patch_vary_headers(response, ["Cookie"])
            cache.set(key, _freeze(response), seconds())
            response[HEADER] = "miss"
        elif "Cache-Control" not in response:
            patch_cache_control(response, private=True)
        return response
