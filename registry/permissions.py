"""Who may do what in the registries, read through Wagtail's permission policies (never codenames by hand)."""

from functools import cache

from django.core.exceptions import PermissionDenied
from wagtail.permission_policies import ModelPermissionPolicy


@cache
def policy(model) -> ModelPermissionPolicy:
    """The permission policy of a registry model (a proxy has permissions of its own)."""
    return ModelPermissionPolicy(model)


def user_can(user, model, *actions) -> bool:
    """Whether ``user`` has every one of ``actions`` («add», «change», «view»…) on ``model``."""
    return all(policy(model).user_has_permission(user, action) for action in actions)


def require(user, model, *actions) -> None:
    """PermissionDenied (Wagtail's admin answers it with a redirect and a message) unless ``user_can``."""
    if not user_can(user, model, *actions):
        raise PermissionDenied
