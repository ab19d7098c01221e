"""Wiring only: the page section, the moderation viewset, the monthly counts, the demo content."""

from wagtail import hooks

from cms.sections import HOOK as PAGE_SECTIONS_HOOK
from reports.monthly import MONTHLY_COUNTS_HOOK

from .admin import comment_viewset
from .demo import DEMO_HOOK, add_demo_comments
from .monthly import monthly_sections
from .sections import discussion_section

hooks.register(PAGE_SECTIONS_HOOK, discussion_section)
hooks.register(MONTHLY_COUNTS_HOOK, monthly_sections)
hooks.register(DEMO_HOOK, add_demo_comments)


@hooks.register("register_admin_viewset")
def register_comment_viewset():
    return comment_viewset
