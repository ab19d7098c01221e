"""The frame of the demo site: its settings, the issuers of acts, the sections and the standard pages."""

from wagtail.models import Site

from cms.models import SiteSettings
from pages import models as m

from .base import Demo, content, stream


def ensure_settings(home) -> None:
    """The council's contacts and the citizens' platforms in the site settings (``content/site_settings``)."""
    settings = SiteSettings.for_site(Site.objects.get(root_page=home))
    for field, value in content("site_settings").items():
        setattr(settings, field, value)
    settings.save()


def ensure_issuers(demo: Demo) -> dict:
    """The issuers of ``content/issuers`` by their demo key, found by name (a data migration or an
    editor may have made them already, with another slug) or else by slug, and created otherwise."""
    issuers = {}
    for row in content("issuers"):
        issuer = (
            m.Issuer.objects.filter(name=row["name"]).first()
            or m.Issuer.objects.filter(slug=row["slug"]).first()
        )
        if issuer is None:
            issuer = m.Issuer.objects.create(
                name=row["name"], slug=row["slug"], short_name=row["short_name"], aliases=row["aliases"]
            )
            demo.report.created["органів"] += 1
        issuers[row["slug"]] = issuer
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
