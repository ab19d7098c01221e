"""Add the registry's registered organisations and parties to the media watch list."""

from django.core.management.base import BaseCommand

from monitoring.watchlist import watch_registry_organisations


class Command(BaseCommand):
    help = (
        "Add every registered NGO and local party organisation of the registry (short name, else name) "
        "to the media watch list; entries already there are kept. Prints the number added."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"{watch_registry_organisations()} watch-list entries added")
