from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = pgettext_lazy("noun", "Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from .models import SynonymGroup
        from .query import forget_synonyms

        post_save.connect(forget_synonyms, sender=SynonymGroup, dispatch_uid="search_synonyms_saved")
        post_delete.connect(forget_synonyms, sender=SynonymGroup, dispatch_uid="search_synonyms_deleted")
