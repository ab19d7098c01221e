from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscussionConfig(AppConfig):
    """Public discussion of draft acts: comments, their moderation, summaries and their open data."""

    name = "discussion"
    label = "discussion"
    verbose_name = _("Public discussion")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The open datasets are registered with reports' catalogue, which must not import this app.
        from reports.opendata import register_dataset

        from .opendata import DATASETS

        for dataset in DATASETS:
            register_dataset(dataset)
