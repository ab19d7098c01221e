"""Wiring only: the admin menu group, the commission pages' members section, the demo content, the
monthly report's counts."""

from wagtail import hooks

from cms.sections import HOOK as PAGE_SECTIONS_HOOK
from reports.monthly import MONTHLY_COUNTS_HOOK

from .admin import council_viewset_group
from .demo import DEMO_HOOK, add_demo_council
from .monthly import monthly_sections
from .sections import commission_members_section

hooks.register(PAGE_SECTIONS_HOOK, commission_members_section)
hooks.register(DEMO_HOOK, add_demo_council)
hooks.register(MONTHLY_COUNTS_HOOK, monthly_sections)


@hooks.register("register_admin_viewset")
def register_council_viewsets():
    return council_viewset_group
