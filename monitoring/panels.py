"""The article's mentions as a read-only panel of its edit screen, beside the reviewer's fields."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class MentionsPanel(Panel):
    """What the matcher found in the article: the entry, its kind, the words as written, the snippet."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Mentions"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "mentions"

    class BoundPanel(Panel.BoundPanel):
        template_name = "monitoring/admin/mentions_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            article = self.instance
            context["mentions"] = (
                article.mentions.select_related("entry__organisation").order_by(
                    "entry__kind", "entry__phrase"
                )
                if article.pk
                else []
            )
            return context
