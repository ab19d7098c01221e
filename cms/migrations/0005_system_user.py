"""«Система імпорту»: the inactive user that imports are recorded under in revisions and the audit log."""

from django.contrib.auth.hashers import make_password
from django.db import migrations

USERNAME = "system-import"


def create_system_user(apps, schema_editor):
    User = apps.get_model("auth", "User")
    User.objects.get_or_create(
        username=USERNAME,
        defaults={
            "first_name": "Система",
            "last_name": "імпорту",
            "is_active": False,
            "password": make_password(None),
        },
    )


def remove_system_user(apps, schema_editor):
    # Kept when it is named in the history: the log entries would lose who did what.
    User = apps.get_model("auth", "User")
    PageLogEntry = apps.get_model("wagtailcore", "PageLogEntry")
    if not PageLogEntry.objects.filter(user__username=USERNAME).exists():
        User.objects.filter(username=USERNAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0004_extraction_status"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_system_user, remove_system_user)]
