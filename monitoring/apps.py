from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    """Media monitoring: sources, fetched articles, watch lists and the mentions found in articles."""

    name = "monitoring"
    label = "monitoring"
    verbose_name = _("Media monitoring")
    default_auto_field = "django.db.models.BigAutoField"
