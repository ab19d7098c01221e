"""The one paginator of the site: a bad or missing page number never raises, the visitor is told."""

from django.core.paginator import Page, Paginator
from django.utils.translation import gettext as _

from cms import params

PER_PAGE = 20


def paginate(object_list, raw_page, messages: list, *, per_page: int = PER_PAGE) -> Page:
    """The requested page of ``object_list``, clamped to the pages that exist.

    A number that is not a number, or names no page, gives the first or last page and a sentence
    appended to ``messages`` for the page to show.
    """
    paginator = Paginator(object_list, per_page, allow_empty_first_page=True)
    raw = (str(raw_page) if raw_page is not None else "").strip()
    try:
        number = params.integer(raw, name="page")
    except params.BadParameter:
        if raw.isascii() and raw.isdigit():  # more digits than any page count
            number = paginator.num_pages + 1
        else:
            messages.append(
                _("The page number «%(value)s» is not a number; showing the first page.")
                % {"value": params.shown(raw)}
            )
            number = 1
    if number is None:
        number = 1
    elif number < 1:
        messages.append(_("There is no page %(value)s; showing the first page.") % {"value": number})
        number = 1
    elif number > paginator.num_pages:
        shown = params.shown(raw)
        messages.append(_("There is no page %(value)s; showing the last page.") % {"value": shown})
        number = paginator.num_pages
    return paginator.page(number)
