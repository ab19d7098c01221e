from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouncilConfig(AppConfig):
    """The council as people: convocations, deputies, their factions and commissions."""

    name = "council"
    label = "council"
    verbose_name = _("Deputies and sessions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The open datasets are registered with reports' catalogue, which must not import this app.
        from reports.opendata import register_dataset

        from .opendata import DATASETS

        for dataset in DATASETS:
            register_dataset(dataset)
