import os
from urllib.parse import urlsplit

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site


class Command(BaseCommand):
    help = (
        "Set the default Wagtail Site's address (scheme, host and port), which canonical links, og:url and "
        "sitemap.xml are built from. The URL comes from the argument, or from the SITE_BASE_URL environment "
        "variable in production, e.g. https://nizhynrada.gov.ua. Safe to run on every deploy."
    )

    def add_arguments(self, parser):
        parser.add_argument("url", nargs="?", help="The site's base URL; default: $SITE_BASE_URL.")

    def handle(self, *args, url=None, **options):
        url = url or os.environ.get("SITE_BASE_URL", "")
        if not url:
            raise CommandError("Give the site's URL, e.g. https://nizhynrada.gov.ua, or set SITE_BASE_URL.")
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise CommandError(f"Not an http(s) URL: {url!r}")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("There is no default Wagtail Site: run migrate first.")
        site.hostname, site.port = parts.hostname, port
        site.save()
        self.stdout.write(f"Адреса сайту: {site.root_url}")
