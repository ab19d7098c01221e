from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from roles.sync import section_pages, sync_roles
from roles.workflows import sync_workflows


class Command(BaseCommand):
    help = (
        "Create or complete the editorial groups (press office, secretariat, moderators, administrators), "
        "their permissions on each section of the page tree and on the collections, and the moderators' "
        "approval workflow on the acts and commissions sections. Run it after creating a section. "
        "Safe to run again: nothing is created twice and nothing is taken away."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            groups = sync_roles(apps)
            pages = sync_workflows(section_pages=lambda section: section_pages(apps, section))
        self.stdout.write(
            self.style.SUCCESS(
                f"Групи: {', '.join(groups)}. Затвердження модераторами діє в розділах: "
                + (", ".join(page.title for page in pages) or "немає (розділи ще не створено)")
                + "."
            )
        )
