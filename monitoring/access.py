"""Who reads the monitoring's report screens (the daily digest, the monthly note): whoever may view the
articles they are made of. Without this, any user of the admin (a registry keeper, the press office)
read through them what the articles' own list refuses to show."""

from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.permission_policies import ModelPermissionPolicy

from cms.permissions import menu_item_for

from .models import Article

article_policy = ModelPermissionPolicy(Article)


class ArticleReadersOnlyMixin(PermissionCheckedMixin):
    """A view answered as Wagtail answers a missing permission unless the user may view articles."""

    permission_policy = article_policy
    permission_required = "view"


#: A menu item shown only to those the views behind it let in.
ArticleReadersMenuItem = menu_item_for(ArticleReadersOnlyMixin)
