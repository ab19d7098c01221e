"""Template helpers shared by every public page: Ukrainian dates, menu, breadcrumbs, embeds."""

import datetime
import functools
import re
import unicodedata

from django import template
from django.template.defaultfilters import date as date_filter
from django.template.defaultfilters import stringfilter
from django.urls import get_script_prefix
from django.utils import timezone
from django.utils.html import conditional_escape, format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language, gettext, override
from wagtail.models import Page, Site

from cms import chrome, sections
from cms.embeds import video_embed_html
from cms.menus import main_menu_items
from cms.requisites import published_changes

register = template.Library()


@functools.lru_cache(maxsize=4096)
def _uk_day(day: datetime.date) -> str:
    with override("uk"):
        return date_filter(day, "j E Y")


@register.filter
def uk_date(value):
    """«8 листопада 2018»: the day, the month in the genitive and the year, whatever the request language.

    Kept per day in the process (a listing shows a dozen dates, each a translation switch and a
    format): the text depends on nothing else.
    """
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        value = value.date()
    if isinstance(value, datetime.date):
        return _uk_day(value)
    with override("uk"):
        return date_filter(value, "j E Y")


@register.filter(is_safe=True)
@stringfilter
def clip(value, length):
    """Django's ``truncatechars``, without its walk over every character when the text fits.

    ``truncatechars`` checks each character for a combining mark even when the text is shorter
    than the limit; a listing's twenty leads made that ~0.8 ms. The output is Django's.
    """
    try:
        length = int(length)
    except ValueError:
        return value
    text = unicodedata.normalize("NFC", value)
    if 0 < length and len(text) <= length:
        return text
    return Truncator(value).chars(length)


_TABLE_OPEN = re.compile(r"<table\b[^>]*>", re.IGNORECASE)
_TABLE_CLOSE = re.compile(r"</table\s*>", re.IGNORECASE)
_CAPTION = re.compile(r"\s*<caption\b[^>]*>(.*?)</caption\s*>", re.IGNORECASE | re.DOTALL)


@register.filter(is_safe=True)
def scrollable_tables(html):
    """Rich text with each table in its own labelled, focusable container that scrolls sideways.

    Imported bodies keep the legacy site's tables as plain HTML (docs/import.md): ten columns are wider
    than a phone, and a table outside a ``.table-wrap`` pushes the whole page sideways. The container
    is a region named by the table's caption (or «Таблиця»), reachable by keyboard to scroll it.
    """
    html = str(conditional_escape(html))
    if "<table" not in html.lower():
        return mark_safe(html)

    def wrap(match):
        caption = _CAPTION.match(html, match.end())
        label = strip_tags(caption.group(1)).strip() if caption else ""
        container = format_html(
            '<div class="table-wrap" role="region" tabindex="0" aria-label="{}">', label or gettext("Table")
        )
        return container + match.group(0)

    wrapped = _TABLE_OPEN.sub(wrap, html)
    return mark_safe(_TABLE_CLOSE.sub(lambda match: match.group(0) + "</div>", wrapped))


@register.filter
def iso_date(value):
    """The machine-readable date for ``<time datetime>``."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.isoformat(timespec="minutes")
    return value.isoformat()


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page's children shown in menus (cached: ``cms.menus``)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return main_menu_items(site) if site else []


@register.simple_tag(takes_context=True)
def site_root_url(context, page):
    """The root URL of the site serving the request (cached on it by Wagtail), else of ``page``'s site.

    ``page.get_site`` costs a query on every call; the request's site is the page's when it is served.
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    site = site or page.get_site()
    return site.root_url if site else ""


#: Deeper than this, one ancestors query is cheaper than walking the parents.
WALK_DEPTH = 5


def _ancestors_below_root(page) -> list:
    """The live ancestors of ``page`` below the tree root, from the home page down.

    A page that Wagtail routed to keeps its parent (``get_parent`` returns the page the router read),
    so walking up costs no query; a page at most ``WALK_DEPTH`` deep not read by the router costs a
    query per level, no more than three.
    """
    if page.depth > WALK_DEPTH:
        return list(page.get_ancestors().filter(depth__gt=1).live())
    ancestors = []
    node = page
    while node.depth > 2:  # the home page (depth 2) is the last: the tree root is never shown
        node = node.get_parent()
        if node.live:
            ancestors.append(node)
    return ancestors[::-1]


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page=None):
    """The trail from the home page to ``page``: every ancestor below the tree root, then the page."""
    page = page or context.get("page")
    ancestors = []
    if isinstance(page, Page) and page.depth > 2:
        ancestors = _ancestors_below_root(page)
    return {"ancestors": ancestors, "page": page, "request": context.get("request")}


class ChromeNode(template.Node):
    def __init__(self, name, values, nodelist):
        self.name, self.values, self.nodelist = name, values, nodelist

    def render(self, context):
        values = tuple(chrome.key_part(value.resolve(context)) for value in self.values)
        key = (self.name, get_language(), get_script_prefix(), values)
        return chrome.fragment(key, lambda: self.nodelist.render(context))


@register.tag("chrome")
def chrome_fragment(parser, token):
    """``{% chrome "footer" settings year %}...{% endchrome %}``: rendered once per worker while the
    values after the name are unchanged (``cms.chrome``). The content may show those values and
    nothing else that varies: not the page, the user or the request."""
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(
            f'{bits[0]} needs a quoted name first: {{% chrome "footer" ... %}}'
        )
    nodelist = parser.parse(("endchrome",))
    parser.delete_first_token()
    return ChromeNode(bits[1][1:-1], [parser.compile_filter(bit) for bit in bits[2:]], nodelist)


@register.simple_tag
def video_embed(url, title):
    """HTML that plays the video at ``url`` (``cms.embeds.video_embed_html``)."""
    return video_embed_html(url, title)


@register.simple_tag(takes_context=True)
def query_string(context, **changes):
    """The current query string with ``changes`` applied (None removes a key), for pagination and filters."""
    request = context["request"]
    params = request.GET.copy()
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def page_sections(context, page=None):
    """The sections other apps add to ``page`` (``cms.sections``): public discussion, for one."""
    return sections.page_sections(page or context.get("page"), context.get("request"))


@register.inclusion_tag("cms/includes/requisite_changes.html")
def requisite_changes(page):
    """«Внесено зміни …»: the published changes of a legal document's requisites, with their reasons."""
    return {"changes": published_changes(page)}
