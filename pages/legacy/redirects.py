"""Redirects from the old site's URLs to the imported pages."""

from wagtail.contrib.redirects.models import Redirect


def normalise_url(url: str) -> str:
    """The form of an old URL used for redirects and for resolving links between items."""
    return Redirect.normalise_path(url)[:255] if url else ""


def write_redirects(pairs) -> None:
    """A permanent redirect from each old URL to its page (``(url, page_id)`` pairs), new or re-pointed."""
    wanted = {normalise_url(url): page_id for url, page_id in pairs if url and normalise_url(url) != "/"}
    existing = {
        redirect.old_path: redirect
        for redirect in Redirect.objects.filter(site__isnull=True, old_path__in=list(wanted))
    }
    new = []
    for path, page_id in wanted.items():
        redirect = existing.get(path)
        if redirect is None:
            new.append(Redirect(old_path=path, site=None, redirect_page_id=page_id, is_permanent=True))
        elif redirect.redirect_page_id != page_id:
            redirect.redirect_page_id = page_id
            redirect.save()
    Redirect.objects.bulk_create(new)
