"""Links between legacy items: an old URL in a body becomes a link to the page the item became.

A link is resolved when the body is written if its target is known (in the same batch, or imported
before); otherwise the item is marked ``needs_links`` and :func:`rewrite_pending_links` rewrites it
once the targets exist (the post-pass, see ``pages.legacy.postpass``).
"""

from django.conf import settings
from modelcluster.models import get_serializable_data_for_fields

from pages.models import LegacyItem

from .html import hrefs, is_internal, rewrite_links
from .redirects import normalise_url
from .types import body_field


class LinkKeys:
    """The old-URL key of a link (its normalised path), or None if it does not point into the old site."""

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
        return normalise_url(href)

    def resolver(self, html_bodies, known: dict):
        """A ``resolve_link(href)`` for these bodies: ``known`` (old URL -> page id) first, then the items
        imported before, read in one query."""
        wanted = {key for html in html_bodies for key in map(self, hrefs(html)) if key}
        known = dict(known)
        missing = [key for key in wanted if key not in known]
        if missing:
            known.update(LegacyItem.objects.filter(old_url__in=missing).values_list("old_url", "page_id"))
        return lambda href: known.get(self(href))


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
