from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouncilConfig(AppConfig):
    """The council as people: convocations, deputies, their factions and commissions."""

    name = "council"
    label = "council"
    verbose_name = _("Deputies and sessions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Open datasets and search sources go to the registries of reports and search, which must
        # not import this app.
        from reports.opendata import register_dataset
        from search.sources import register_source

        from .act_cache import connect_signals
        from .opendata import DATASETS
        from .recounting import connect_signals as recount_on_membership_changes
        from .site_search import SOURCES

        connect_signals()
        recount_on_membership_changes()

        for dataset in DATASETS:
            register_dataset(dataset)
        for source in SOURCES:
            register_source(source)
