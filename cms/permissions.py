"""Permission names in the site's language.

Django stores a permission's name once, in English («Can add issuer»), and Wagtail's group editor prints
it as the label of each checkbox. The names are written again in Ukrainian after every ``migrate``:
«Може додавати: орган, що видає акти»; a custom permission takes the translation of its English name.
The codenames, which the code checks, never change.
"""

from django.apps import apps as installed_apps
from django.conf import settings
from django.contrib.auth import get_permission_codename
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

DEFAULT_ACTIONS = {
    "add": _("Can add"),
    "change": _("Can change"),
    "delete": _("Can delete"),
    "view": _("Can view"),
}
NAME_LENGTH = 255


def permission_name(permission, model) -> str:
    """The Ukrainian name of ``permission`` on ``model`` (None: a model no longer installed)."""
    if model is not None:
        for action, label in DEFAULT_ACTIONS.items():
            if permission.codename == get_permission_codename(action, model._meta):
                return f"{label}: {model._meta.verbose_name}"[:NAME_LENGTH]
    return gettext(permission.name)[:NAME_LENGTH]


def _model(content_type):
    try:
        return installed_apps.get_model(content_type.app_label, content_type.model)
    except LookupError:
        return None


def name_permissions(*, using="default", **kwargs):
    """Rename every permission whose name is not yet in the site's language (a ``post_migrate`` receiver).

    The installed models give the names (the migration state's models carry English verbose names).
    """
    Permission = installed_apps.get_model("auth", "Permission")
    changed = []
    with translation.override(settings.LANGUAGE_CODE):
        for permission in Permission.objects.using(using).select_related("content_type"):
            name = permission_name(permission, _model(permission.content_type))
            if name != permission.name:
                permission.name = name
                changed.append(permission)
    Permission.objects.using(using).bulk_update(changed, ["name"], batch_size=500)


def menu_item_for(view_class) -> type:
    """A menu item class shown to whom ``view_class`` (a Wagtail ``PermissionCheckedMixin`` view) lets in:
    the menu reads the view's own policy and action, so the two cannot drift apart."""
    from wagtail.admin.menu import MenuItem

    policy, action = view_class.permission_policy, view_class.permission_required

    class PermittedMenuItem(MenuItem):
        def is_shown(self, request):
            return policy.user_has_permission(request.user, action)

    return PermittedMenuItem
