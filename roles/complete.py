"""The roles complete: every group of ``roles.definitions`` with its permissions, and the approval workflow
on the sections that need it. What ``manage.py sync_roles`` does, and what every ``migrate`` ends with.

``migrate`` must end with it, not only the data migration: permissions of models created by later
migrations (Wagtail's redirects, our search synonyms…) exist only after the last migration has run, so
the groups created by ``roles.0001`` never had them («Адміністратори — усі права» was not true on a
fresh site), and a role's definition extended later never reached a site migrated before.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import DEFAULT_DB_ALIAS, transaction

from .sync import section_pages, sync_roles
from .workflows import sync_workflows


def complete_roles():
    """Create or complete the groups and the approval workflow; return the groups and the approval pages."""
    with transaction.atomic():
        groups = sync_roles(global_apps)
        pages = sync_workflows(section_pages=lambda section: section_pages(global_apps, section))
    return groups, pages


def _is_last_post_migrate_sender(sender) -> bool:
    """``post_migrate`` is sent once per app with models; the roles are completed after the last."""
    with_models = [config for config in global_apps.get_app_configs() if config.models_module is not None]
    return bool(with_models) and sender is with_models[-1]


def complete_roles_after_migrate(sender, *, using=DEFAULT_DB_ALIAS, apps=global_apps, **kwargs):
    """The ``post_migrate`` receiver: complete the roles once every app has been migrated.

    Nothing is done if the roles' tables are not there (``migrate roles zero``), on another database, or
    when the database holds no collection tree: ``flush`` (a transactional test's teardown too) sends
    this signal after emptying every table, Wagtail's root collection included.
    """
    if using != DEFAULT_DB_ALIAS or not _is_last_post_migrate_sender(sender):
        return
    try:
        apps.get_model("roles", "ModeratorApprovalTask")
        collections = apps.get_model("wagtailcore", "Collection")
    except LookupError:
        return
    if not collections.objects.using(using).filter(depth=1).exists():
        return
    # Django's receiver creating the permissions may come after this one for the last app: run it first.
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    complete_roles()
