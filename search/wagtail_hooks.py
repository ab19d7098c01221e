"""Admin wiring for search: editors manage synonyms as snippets."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SynonymGroup


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "search"
    menu_label = SynonymGroup._meta.verbose_name_plural
    add_to_admin_menu = False
    list_display = ["__str__"]


register_snippet(SynonymGroupViewSet)
