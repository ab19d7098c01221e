"""E-mail the media monitoring digest of a day to MONITORING_DIGEST_EMAILS."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from monitoring.digest import kyiv_today, send_digest


class Command(BaseCommand):
    help = "E-mail the digest of a day's new articles and their mentions to MONITORING_DIGEST_EMAILS."

    def add_arguments(self, parser):
        parser.add_argument("--day", metavar="YYYY-MM-DD", help="the day (default: yesterday, Kyiv time)")

    def handle(self, *args, day=None, **options):
        try:
            when = datetime.date.fromisoformat(day) if day else kyiv_today() - datetime.timedelta(days=1)
        except ValueError:
            raise CommandError(f"--day must be a date as YYYY-MM-DD, not «{day}».") from None
        sent = send_digest(day=when)
        self.stdout.write(f"{sent} e-mail(s) sent for {when.isoformat()}")
