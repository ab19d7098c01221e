"""Admin wiring of the pages app: the issuers of acts, as a Wagtail 8 snippet viewset."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Issuer


class IssuerViewSet(SnippetViewSet):
    """The bodies that issue acts, listed under Snippets, searchable by name."""

    model = Issuer
    icon = "group"
    menu_label = Issuer._meta.verbose_name_plural
    add_to_admin_menu = False
    list_display = ["name", "short_name"]


register_snippet(IssuerViewSet)
