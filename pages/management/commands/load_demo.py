from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from pages.demo import DemoError, load_demo


class Command(BaseCommand):
    help = (
        "Build the demo site under the home page: news, acts, commissions, videos, standard pages and "
        "the site settings, and create or update the admin superuser. Safe to run again: nothing is "
        "created twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--admin-user", default="admin", help="Username of the superuser to create or update."
        )
        parser.add_argument(
            "--admin-password",
            default=None,
            help="Password to set for the superuser (required the first time).",
        )
        parser.add_argument("--admin-email", default="admin@example.org", help="Email of the superuser.")

    def handle(self, *args, admin_user, admin_password, admin_email, **options):
        try:
            with transaction.atomic():
                report = load_demo(
                    admin_user=admin_user,
                    admin_password=admin_password,
                    admin_email=admin_email,
                    log=lambda message: self.stdout.write(message) if options["verbosity"] > 1 else None,
                )
        except DemoError as error:
            raise CommandError(str(error)) from error
        # The editorial groups get their permissions on the sections just built (the roles app).
        call_command("sync_roles", verbosity=options["verbosity"], stdout=self.stdout)
        created = ", ".join(f"{label}: {count}" for label, count in report.created.items()) or "нічого"
        self.stdout.write(self.style.SUCCESS(f"Демонстраційний вміст готовий. Створено — {created}."))
        self.stdout.write(
            f"Адмінка: /admin/  логін: {admin_user}"
            + (f"  пароль: {admin_password}" if admin_password else "  (пароль не змінено)")
        )
