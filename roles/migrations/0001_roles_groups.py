"""The editorial groups, their collections and page permissions (``roles.definitions``). Re-runnable.

Sections created later get theirs from ``manage.py sync_roles``, which also sets the approval workflow.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from roles.definitions import ADMINISTRATORS, PRESS_OFFICE, SECRETARIAT
from roles.sync import sync_roles

CREATED_HERE = (PRESS_OFFICE, SECRETARIAT, ADMINISTRATORS)


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations (post_migrate); create them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_roles(apps)


def remove_groups(apps, schema_editor):
    # «Модератори» is Wagtail's and «Реєстратори» the registry's: they stay.
    apps.get_model("auth", "Group").objects.filter(name__in=CREATED_HERE).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0005_system_user"),
        ("pages", "0004_act_type_choices_read_from_kinds"),
        ("registry", "0003_registry_keepers_group"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
