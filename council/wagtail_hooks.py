"""Wiring only: the admin menu group and the demo content."""

from wagtail import hooks

from .admin import council_viewset_group
from .demo import DEMO_HOOK, add_demo_council

hooks.register(DEMO_HOOK, add_demo_council)


@hooks.register("register_admin_viewset")
def register_council_viewsets():
    return council_viewset_group
