from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class RolesConfig(AppConfig):
    name = "roles"
    verbose_name = _("Editorial roles")

    def ready(self):
        from .complete import complete_roles_after_migrate

        post_migrate.connect(complete_roles_after_migrate, dispatch_uid="roles.complete_roles_after_migrate")
