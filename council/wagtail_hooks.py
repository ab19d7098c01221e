"""Wiring only: the admin menu group, the sections of commission and act pages, the votes for the
deadline engine, the monthly report's counts, the demo content."""

from wagtail import hooks

from cms.sections import HOOK as PAGE_SECTIONS_HOOK
from reports.monthly import MONTHLY_COUNTS_HOOK
from reports.roll_calls import HOOK as VOTE_PUBLICATIONS_HOOK

from .act_cache import sections_showing
from .act_sections import act_votes_section
from .admin import council_viewset_group
from .demo import DEMO_HOOK, add_demo_council
from .monthly import monthly_sections
from .publications import vote_publications
from .sections import commission_members_section

hooks.register(PAGE_SECTIONS_HOOK, commission_members_section)
hooks.register(PAGE_SECTIONS_HOOK, act_votes_section)
hooks.register(VOTE_PUBLICATIONS_HOOK, vote_publications)
hooks.register(DEMO_HOOK, add_demo_council)
hooks.register(MONTHLY_COUNTS_HOOK, monthly_sections)
hooks.register("page_cache_sections", sections_showing)


@hooks.register("register_admin_viewset")
def register_council_viewsets():
    return council_viewset_group
