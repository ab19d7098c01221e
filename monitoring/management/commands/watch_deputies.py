"""Add the council's acting deputies to the media watch list."""

from django.core.management.base import BaseCommand

from monitoring.watchlist import watch_deputies


class Command(BaseCommand):
    help = (
        "Add every acting deputy of the council (full name, linked to the deputy) to the media watch "
        "list; deputies already watched are kept as they are. Prints the number added."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"{watch_deputies()} watch-list entries added")
