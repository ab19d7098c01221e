from django import template

from roles.integrity import dependents

register = template.Library()


@register.simple_tag
def page_dependents(page):
    """The pages that rely on ``page`` or its subpages (``roles.integrity.dependents``)."""
    return dependents(page)
