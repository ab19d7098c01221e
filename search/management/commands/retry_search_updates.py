from django.core.management.base import BaseCommand

from search.resilience import retry_pending_operations


class Command(BaseCommand):
    help = "Replay the index updates that a search backend could not take (run it from cron every minute)."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=1000, help="At most this many updates per run.")

    def handle(self, *args, limit, **options):
        done, pending = retry_pending_operations(limit=limit)
        self.stdout.write(f"Indexed {done}; still pending {pending}.")
