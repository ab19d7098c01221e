from django.core.management.base import BaseCommand

from roles.complete import complete_roles


class Command(BaseCommand):
    help = (
        "Create or complete the editorial groups (press office, secretariat, moderators, administrators), "
        "their permissions on each section of the page tree and on the collections, and the moderators' "
        "approval workflow on the acts and commissions sections. Run it after creating a section. "
        "Safe to run again: nothing is created twice and nothing is taken away."
    )

    def handle(self, *args, **options):
        groups, pages = complete_roles()
        self.stdout.write(
            self.style.SUCCESS(
                f"Групи: {', '.join(groups)}. Затвердження модераторами діє в розділах: "
                + (", ".join(page.title for page in pages) or "немає (розділи ще не створено)")
                + "."
            )
        )
