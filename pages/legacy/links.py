"""Links between legacy items: an old URL in a body becomes a link to the page the item became.

A link is resolved when the body is written if its target is known (in the same batch, or imported
before); otherwise the item is marked ``needs_links`` and :func:`rewrite_pending_links` rewrites it
once the targets exist (the post-pass, see ``pages.legacy.postpass``).
"""

import re

from django.conf import settings
from modelcluster.models import get_serializable_data_for_fields

from pages.models import LegacyItem

from .html import hrefs, is_internal, rewrite_links
from .redirects import normalise_url
from .types import body_field

#: Plone's links by UID (``resolveuid/<uid>``, ``../resolveUid/<uid>/@@download/file``, ...).
_RESOLVEUID = re.compile(r"(?:^|/)resolveuid/([0-9a-z-]+)(?:[/?#]|$)", re.IGNORECASE)
#: The key of a link by UID; old URLs' keys are paths, which start with ``/``, so the two never meet.
UID_KEY = "uid:"


def uid_key(legacy_id: str) -> str:
    """The key under which links by UID find the item ``legacy_id``."""
    return UID_KEY + legacy_id


class LinkKeys:
    """The old-URL key of a link (its normalised path), or None if it does not point into the old site.

    A Plone link by UID has the key ``uid:<uid>``, resolved by ``legacy_id`` (a Plone item's UID).
    """

    def __init__(self, legacy_hosts=None):
        self.legacy_hosts = set(
            legacy_hosts if legacy_hosts is not None else getattr(settings, "LEGACY_SITE_HOSTS", ())
        )

    def __call__(self, href: str) -> str | None:
        parts = href.split("://", 1)
        if len(parts) == 2:
            host = parts[1].split("/", 1)[0].lower()
            if host not in self.legacy_hosts:
                return None
            href = "/" + (parts[1].split("/", 1)[1] if "/" in parts[1] else "")
        elif not is_internal(href):
            return None
        uid = _RESOLVEUID.search(href.split("#", 1)[0])
        if uid:
            return uid_key(uid.group(1))
        return normalise_url(href)

    def candidates(self, href: str) -> list[str]:
        """The keys that may find a link's target, best first: the old URL with its query string, then
        without it (as Wagtail's redirects do for a visitor: ``?utm_source=…`` still finds the page)."""
        key = self(href)
        if not key:
            return []
        path = key.split("?", 1)[0]
        return [key] if path == key or key.startswith(UID_KEY) else [key, path]

    def resolver(self, html_bodies, known: dict):
        """A ``resolve_link(href)`` for these bodies: ``known`` (old URL or UID key -> page id) first,
        then the items imported before, read in one query per kind of key."""
        wanted = {key for html in html_bodies for href in hrefs(html) for key in self.candidates(href)}
        known = dict(known)
        missing = [key for key in wanted if key not in known]
        urls = [key for key in missing if not key.startswith(UID_KEY)]
        uids = [key.removeprefix(UID_KEY) for key in missing if key.startswith(UID_KEY)]
        if urls:
            known.update(LegacyItem.objects.filter(old_url__in=urls).values_list("old_url", "page_id"))
        if uids:
            known.update(
                (uid_key(legacy_id), page_id)
                for legacy_id, page_id in LegacyItem.objects.filter(legacy_id__in=uids).values_list(
                    "legacy_id", "page_id"
                )
            )
        return lambda href: next((known[key] for key in self.candidates(href) if key in known), None)


def body_html(model, value) -> str:
    """The HTML of a body value: the rich text, or a StreamField's paragraphs joined."""
    field = body_field(model)
    if field is None or not value:
        return ""
    if field[1]:
        return "".join(block["value"] for block in value if block["type"] == "paragraph")
    return value


def has_old_links(keys: LinkKeys, html: str) -> bool:
    """Whether some link still points into the old site (rewritten links have no ``href``)."""
    return any(keys(href) for href in hrefs(html))


def relink(page, keys: LinkKeys) -> bool:
    """Rewrite the old links of a page's body (and its latest revision); True if some still wait."""
    field, is_stream = body_field(type(page))
    raw = getattr(page, field).raw_data if is_stream else getattr(page, field)
    resolve = keys.resolver([body_html(type(page), raw)], {})
    if is_stream:
        value = [dict(block) for block in raw]
        for block in value:
            if block["type"] == "paragraph":
                block["value"] = rewrite_links(block["value"], resolve)[0]
    else:
        value = rewrite_links(raw, resolve)[0]
    setattr(page, field, value)
    type(page).objects.filter(pk=page.pk).update(**{field: getattr(page, field)})
    revision = page.latest_revision
    if revision is not None:
        revision.content[field] = get_serializable_data_for_fields(page)[field]
        revision.save(update_fields=["content"])
    return has_old_links(keys, body_html(type(page), value))
