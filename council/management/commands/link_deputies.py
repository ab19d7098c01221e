from django.core.management.base import BaseCommand

from council.services import link_deputies


class Command(BaseCommand):
    help = (
        "Link the roll-call ballots without a deputy to deputy records by the name as recorded "
        "(apostrophes, case and initials normalised), recount their votes, and report the names "
        "that match none or several. "
        "With --create-missing, a deputy is created for each full name that matches none."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--create-missing",
            action="store_true",
            help="Create a deputy for every unmatched name written out in full.",
        )

    def handle(self, *args, create_missing=False, **options):
        report = link_deputies(create_missing=create_missing)
        write = self.stdout.write
        write(f"Зіставлено імен: {len(report.matched)}.")
        write(
            f"Прив'язано голосів до депутатів: {report.linked} (перераховано голосувань: {report.recounted})."
        )
        for deputy in report.created:
            write(self.style.SUCCESS(f"Створено депутата: {deputy.full_name}"))
        for name, deputies in report.ambiguous.items():
            who = "; ".join(deputy.full_name for deputy in deputies)
            write(self.style.WARNING(f"Неоднозначно: «{name}» — можливі депутати: {who}"))
        for name in report.unmatched:
            write(self.style.WARNING(f"Не знайдено депутата: «{name}»"))
        if report.unmatched and not create_missing:
            write("Щоб створити депутатів для повних імен, запустіть команду з --create-missing.")
        write(
            f"Разом: {len(report.matched)} зіставлено, {len(report.ambiguous)} неоднозначних, "
            f"{len(report.unmatched)} не знайдено, {len(report.created)} створено."
        )
