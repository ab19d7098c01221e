"""Template helpers that know the page types of ``pages``: the one spelling of an act's label."""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def act_label(act):
    """«Рішення міської ради № 4-49/2018 «Про бюджет»»: the type, the number if any, the title."""
    if act.number:
        return format_html("{} № {} «{}»", act.get_act_type_display(), act.number, act.title)
    return format_html("{} «{}»", act.get_act_type_display(), act.title)
