from django import template

from roles.integrity import dependents
from roles.rejections import rejection

register = template.Library()


@register.simple_tag
def page_dependents(page):
    """The pages that rely on ``page`` or its subpages (``roles.integrity.dependents``)."""
    return dependents(page)


@register.simple_tag
def sent_back(workflow_state):
    """The rejected task state if ``workflow_state`` waits for changes (``roles.rejections.rejection``)."""
    return rejection(workflow_state)
