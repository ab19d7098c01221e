from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Site core")

    def ready(self):
        from django.db.models.signals import post_migrate

        from .cache_purge import connect_signals as connect_cache_signals
        from .menus import connect_signals
        from .models import SiteSettings
        from .permissions import name_permissions
        from .site_cache import connect_signals as connect_settings_signals

        connect_signals()
        connect_cache_signals()
        connect_settings_signals(SiteSettings)
        # Every app's post_migrate: the permissions Django creates for an app are named by the next.
        post_migrate.connect(name_permissions, dispatch_uid="cms.name_permissions")
