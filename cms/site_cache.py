"""Site settings shown on every page (header, footer, Open Graph), cached across requests.

Wagtail reads a site's settings once per request (one query and a model instance). They change only
when an editor saves them: the save drops the cached copy at once, and the page cache's site-wide
purge (``cms.cache_purge``, after the commit) moves the generation they are keyed on, so a change
shows at the next request. Bulk writes send no signal, so a cached copy also expires after a minute.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from . import cache as page_cache

#: Bounds what a write without signals (``QuerySet.update``) leaves.
CACHE_SECONDS = 60


def _key(model, site_id) -> str:
    return f"cms:settings:{model._meta.label_lower}:{site_id}:{page_cache.generation()}"


def settings_for_site(model, site):
    """``model.for_site(site)``, from the cache when a request of this generation already read it."""
    key = _key(model, site.pk)
    instance = cache.get(key)
    if instance is None:
        instance = model.for_site(site)
        cache.set(key, instance, CACHE_SECONDS)
    return instance


def _forget(sender, instance, **kwargs):
    cache.delete(_key(sender, instance.site_id))


def connect_signals(model) -> None:
    """Drop the cached copy of ``model`` (a site setting) when one is saved or deleted."""
    label = model._meta.label_lower
    post_save.connect(_forget, sender=model, dispatch_uid=f"cms_settings_saved_{label}")
    post_delete.connect(_forget, sender=model, dispatch_uid=f"cms_settings_deleted_{label}")
