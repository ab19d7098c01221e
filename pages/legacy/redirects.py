"""Redirects from the old site's URLs to the imported pages."""

from django.utils.encoding import iri_to_uri
from wagtail.contrib.redirects.models import Redirect

#: The longest old path a redirect holds (Wagtail's ``Redirect.old_path``).
OLD_PATH_LENGTH = Redirect._meta.get_field("old_path").max_length


def normalise_url(url: str) -> str:
    """The form of an old URL used for redirects and for resolving links between items.

    The URL is first encoded as a browser sends it (``iri_to_uri``): an export often writes the old path
    as it was shown, with spaces (``/новини/сесія ради.html``), which a browser asks for as ``%20``;
    Wagtail's normalisation then reads back the letters (Cyrillic included) but keeps ``%20``, so the
    redirect is stored in the form the redirect middleware looks up.
    """
    return redirect_path(url)[:OLD_PATH_LENGTH]


def redirect_path(url: str) -> str:
    """The whole normalised form of an old URL (see ``normalise_url``), however long."""
    return Redirect.normalise_path(iri_to_uri(url)) if url else ""


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
