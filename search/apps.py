from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_save, pre_save
        from wagtail.documents import get_document_model

        from .documents import on_document_post_save, on_document_pre_save

        document_model = get_document_model()
        pre_save.connect(on_document_pre_save, sender=document_model, dispatch_uid="search_document_text")
        post_save.connect(
            on_document_post_save, sender=document_model, dispatch_uid="search_document_reindex"
        )
