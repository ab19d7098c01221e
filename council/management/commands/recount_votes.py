from django.core.management.base import BaseCommand, CommandError

from council.kinds import MeetingKind
from council.models import Convocation, Vote
from council.tally import BATCH_SIZE, recount_votes


class Command(BaseCommand):
    help = (
        "Recount every roll-call vote (or those of one convocation): the tally, the quorum and the "
        "result, and each ballot's faction on the day and agreement with the faction's majority. "
        "Run after memberships or commission seats were loaded raw (loaddata) or written with SQL, and "
        "once after the upgrade that judges commission votes by the commission's own composition. "
        "Works in batches, one transaction each."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--convocation", type=int, help="Only the votes of the meetings of this convocation (its number)."
        )
        parser.add_argument(
            "--kind",
            action="append",
            choices=MeetingKind.values,
            help="Only the votes of meetings of this kind; repeat the option for several kinds.",
        )
        parser.add_argument(
            "--batch-size", type=int, default=BATCH_SIZE, help=f"Votes per batch (default {BATCH_SIZE})."
        )

    def handle(self, *args, convocation=None, kind=None, batch_size=BATCH_SIZE, **options):
        if batch_size < 1:
            raise CommandError("--batch-size має бути додатним числом.")
        votes = Vote.objects.all()
        if convocation is not None:
            found = Convocation.objects.filter(number=convocation).first()
            if found is None:
                raise CommandError(f"Скликання {convocation} не знайдено (--convocation).")
            votes = votes.filter(agenda_item__meeting__convocation=found)
        if kind:
            votes = votes.filter(agenda_item__meeting__kind__in=kind)

        def progress(done, total):
            self.stdout.write(f"Перераховано голосувань: {done} з {total}.")

        total = recount_votes(votes, batch_size=batch_size, progress=progress)
        self.stdout.write(self.style.SUCCESS(f"Готово: перераховано {total} голосувань."))
