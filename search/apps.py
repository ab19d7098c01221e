from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save, pre_save
        from wagtail.documents import get_document_model

        from .documents import on_document_post_save, on_document_pre_save
        from .models import SynonymGroup
        from .query import forget_synonyms

        document_model = get_document_model()
        pre_save.connect(on_document_pre_save, sender=document_model, dispatch_uid="search_document_text")
        post_save.connect(
            on_document_post_save, sender=document_model, dispatch_uid="search_document_reindex"
        )
        post_save.connect(forget_synonyms, sender=SynonymGroup, dispatch_uid="search_synonyms_saved")
        post_delete.connect(forget_synonyms, sender=SynonymGroup, dispatch_uid="search_synonyms_deleted")
