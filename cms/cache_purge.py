"""Purging the page cache when content changes: the service, and the signals that call it.

A page published or unpublished purges its own URLs (its feeds and other routes too), its
ancestors' (the index that lists it, the home page), the pages it links to or that link to it
(Wagtail's reference index: related pages, acts that amend or repeal each other) and the sitemap.
Some changes show on every page and purge everything: a page in the main menu or above it (the
menu and the breadcrumbs show its title), a move (every URL below it changes), and a snippet or
setting in ``PAGE_CACHE_SITE_WIDE_MODELS`` (issuers, site settings, sites). Pages of an app can
add what else shows a page through the ``page_cache_dependents`` hook (a function of the page
returning pages). Views outside the page tree are cached by *section* (``PAGE_CACHE_SECTIONS``: the
council's deputies and meetings): a section is dropped whole when one of its models is saved or
deleted, when a page it shows changes (the ``page_cache_sections`` hook: a function of the page
returning section names), or when a bulk writer calls :func:`purge_section`.

The purge is sent through Wagtail's frontend-cache invalidation (``WAGTAILFRONTENDCACHE``) once the
transaction commits: our own backend (``cms.cache.DjangoCacheBackend``) at once, so the next
request sees the change, and any CDN or Varnish backend configured beside it through Wagtail's
task. Receivers only call this service; no work happens in them.
"""

import functools

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.urls import NoReverseMatch
from wagtail import hooks
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends, purge_urls_from_cache
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, ReferenceIndex, Site, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from .cache import DjangoCacheBackend
from .menus import MENU_DEPTH

SITEMAP_PATH = "/sitemap.xml"


def _split_backends():
    backends = get_backends()
    local = [backend for backend in backends.values() if isinstance(backend, DjangoCacheBackend)]
    others = [name for name, backend in backends.items() if not isinstance(backend, DjangoCacheBackend)]
    return local, others


def _send(urls) -> None:
    local, others = _split_backends()
    for backend in local:
        backend.purge_batch(urls)
    if others:
        purge_urls_from_cache(urls, backends=others)


def purge_urls(*, urls) -> None:
    """Purge these full URLs from every frontend cache once the current transaction commits."""
    urls = sorted(set(urls))
    if urls:
        transaction.on_commit(lambda: _send(urls))


def _send_everything() -> None:
    local, others = _split_backends()
    for backend in local:
        backend.purge_everything()
    if others:
        # A CDN has no portable "purge all": the most visited URLs go now, the rest age out (s-maxage).
        urls = [
            url for site in Site.objects.all() for url in (site.root_url + "/", site.root_url + SITEMAP_PATH)
        ]
        purge_urls_from_cache(urls, backends=others)


def purge_everything() -> None:
    """Purge every cached page once the current transaction commits."""
    transaction.on_commit(_send_everything)


def _send_section(name: str) -> None:
    local, others = _split_backends()
    for backend in local:
        backend.purge_section(name)
    if others:
        # A CDN purges by URL: the section's index pages go now, the rest age out (s-maxage).
        prefixes = settings.PAGE_CACHE_SECTIONS[name]["prefixes"]
        urls = [site.root_url + prefix for site in Site.objects.all() for prefix in prefixes]
        purge_urls_from_cache(urls, backends=others)


def purge_section(name: str) -> None:
    """Purge every cached page under the section ``name``'s prefixes once the current transaction commits.

    For writers that bypass the models' signals (bulk inserts and updates) of the records the
    section shows (``PAGE_CACHE_SECTIONS``).
    """
    transaction.on_commit(functools.partial(_send_section, name))


def purge_sections_of(model) -> None:
    """After the commit, purge every section that shows ``model``'s records (``PAGE_CACHE_SECTIONS``).

    For bulk writers of a model, whose rows send no signal (``bulk_create``, ``bulk_update``).
    """
    label = model._meta.label_lower
    for name, section in getattr(settings, "PAGE_CACHE_SECTIONS", {}).items():
        if label in {shown.lower() for shown in section["models"]}:
            purge_section(name)


def _route_urls(page) -> list[str]:
    """The argument-free routes of a routable page (its feeds), as full URLs."""
    specific = page.specific_deferred
    if not isinstance(specific, RoutablePageMixin):
        return []
    base = specific.get_full_url()
    if base is None:
        return []
    urls = []
    for pattern in specific.get_subpage_urls():
        if not pattern.name:
            continue
        try:
            urls.append(base + specific.reverse_subpage(pattern.name).lstrip("/"))
        except NoReverseMatch:  # a route with arguments: its variants are not enumerable
            continue
    return urls


def dependents(page) -> list:
    """Live pages whose rendering shows ``page``: those it refers to and those referring to it."""
    page_type = ContentType.objects.get_for_model(Page)
    outgoing = ReferenceIndex.get_references_for_object(page).filter(to_content_type=page_type)
    incoming = ReferenceIndex.get_references_to(page).filter(base_content_type=page_type)
    ids = {int(pk) for pk in outgoing.values_list("to_object_id", flat=True)}
    ids |= {int(pk) for pk in incoming.values_list("object_id", flat=True)}
    ids.discard(page.pk)
    found = list(Page.objects.filter(pk__in=ids).live()) if ids else []
    for hook in hooks.get_hooks("page_cache_dependents"):
        found.extend(hook(page))
    return found


def page_urls(page) -> set[str]:
    """Every URL that shows ``page``: its own, its ancestors', its dependents' and the sitemap."""
    batch = PurgeBatch()
    shown_on = [page, *page.get_ancestors().filter(depth__gt=1), *dependents(page)]
    for each in shown_on:
        batch.add_page(each)
        batch.add_urls(_route_urls(each))
    site = page.get_site()
    if site is not None:
        batch.add_url(site.root_url + SITEMAP_PATH)
    return batch.urls


def purge_page(*, page) -> None:
    """Purge what shows ``page`` after it was published, unpublished or deleted."""
    if page.depth <= MENU_DEPTH:
        purge_everything()
    else:
        purge_urls(urls=page_urls(page))
    for hook in hooks.get_hooks("page_cache_sections"):
        for name in hook(page):
            purge_section(name)


def _page_changed(sender, instance, **kwargs):
    purge_page(page=instance)


def _page_moved(sender, instance, **kwargs):
    purge_everything()


def _site_wide_changed(sender, instance, **kwargs):
    purge_everything()


def _section_changed(sender, instance, *, section, **kwargs):
    purge_section(section)


def connect_signals() -> None:
    """Connect the receivers, each to its senders: every page model, and the site-wide models."""
    for model in get_page_models():
        label = model._meta.label_lower
        page_published.connect(_page_changed, sender=model, dispatch_uid=f"cms_cache_published_{label}")
        page_unpublished.connect(_page_changed, sender=model, dispatch_uid=f"cms_cache_unpublished_{label}")
        post_page_move.connect(_page_moved, sender=model, dispatch_uid=f"cms_cache_moved_{label}")
    # Django sends pre_delete for the Page row of every deleted page, whatever its type.
    pre_delete.connect(_page_changed, sender=Page, dispatch_uid="cms_cache_deleted")
    for label in getattr(settings, "PAGE_CACHE_SITE_WIDE_MODELS", ()):
        model = apps.get_model(label)
        post_save.connect(_site_wide_changed, sender=model, dispatch_uid=f"cms_cache_saved_{label}")
        post_delete.connect(_site_wide_changed, sender=model, dispatch_uid=f"cms_cache_deleted_{label}")
    for name, section in getattr(settings, "PAGE_CACHE_SECTIONS", {}).items():
        receiver = functools.partial(_section_changed, section=name)
        for label in section["models"]:
            model = apps.get_model(label)
            uid = f"cms_cache_section_{name}_{label}"
            post_save.connect(receiver, sender=model, weak=False, dispatch_uid=f"{uid}_saved")
            post_delete.connect(receiver, sender=model, weak=False, dispatch_uid=f"{uid}_deleted")
