"""Wiring only: the admin menu group, the commission pages' members section, the demo content."""

from wagtail import hooks

from cms.sections import HOOK as PAGE_SECTIONS_HOOK

from .admin import council_viewset_group
from .demo import DEMO_HOOK, add_demo_council
from .sections import commission_members_section

hooks.register(PAGE_SECTIONS_HOOK, commission_members_section)
hooks.register(DEMO_HOOK, add_demo_council)


@hooks.register("register_admin_viewset")
def register_council_viewsets():
    return council_viewset_group
