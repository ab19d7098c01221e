"""The «Реєстратори» group: the registry keepers, with every registry permission and admin access."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "Реєстратори"
MODELS = ("organization", "ngo", "partyorganization", "fieldofactivity", "interaction")


def create_registry_keepers(apps, schema_editor):
    # Permissions are normally created after all migrations (post_migrate); create them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    permissions = Permission.objects.filter(content_type__app_label="registry", content_type__model__in=MODELS)
    group.permissions.add(*permissions)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )


def remove_registry_keepers(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("registry", "0002_organization_proxies"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_registry_keepers, remove_registry_keepers)]
