from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """Monthly activity report, publication deadlines and open data (on top of pages and registry)."""

    name = "reports"
    label = "reports"
    verbose_name = _("Reports and open data")
    default_auto_field = "django.db.models.BigAutoField"
