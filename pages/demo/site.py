"""The frame of the demo site: its settings, the issuers of acts, the sections and the standard pages."""

from wagtail.models import Site

from cms.models import SiteSettings
from pages import models as m
from pages.reference_data import ensure_council_issuers

from .base import Demo, content, stream


def ensure_settings(home) -> None:
    """The council's contacts and the citizens' platforms in the site settings (``content/site_settings``)."""
    settings = SiteSettings.for_site(Site.objects.get(root_page=home))
    for field, value in content("site_settings").items():
        setattr(settings, field, value)
    settings.save()


def ensure_issuers(demo: Demo) -> dict:
    """The council's issuers by slug: reference data a migration made, created here if missing."""
    issuers = {}
    for slug, (issuer, created) in ensure_council_issuers(m.Issuer).items():
        if created:
            demo.report.created["органів"] += 1
        issuers[slug] = issuer
    return issuers


def ensure_sections(demo: Demo, home) -> dict:
    """The index pages under the home page, by their key (``news``, ``acts``...)."""
    return {
        row["key"]: demo.ensure_page(
            home,
            getattr(m, row["page_type"])(
                title=row["title"], slug=row["slug"], show_in_menus=True, intro=row["intro"]
            ),
        )
        for row in content("sections")
    }


def ensure_standard_pages(demo: Demo, home) -> None:
    """«Про раду» with «Структура» below it, and «Контакти»: ``parent`` is ``home`` or an earlier slug."""
    made = {"home": home}
    for row in content("standard_pages"):
        made[row["slug"]] = demo.ensure_page(
            made[row["parent"]],
            m.StandardPage(
                title=row["title"],
                slug=row["slug"],
                show_in_menus=True,
                search_description=row.get("search_description", ""),
                body=stream(row["body"]),
            ),
        )
