"""The machinery of the public listings: a page of items, the filters applied and the ones ignored.

It knows no page type: the selectors (``pages.selectors``) hand it querysets, and the page models
hand the selectors their own classes, so the imports run one way: models → selectors → listing.
"""

import dataclasses

from django.core.paginator import Page as PaginatorPage
from django.utils.translation import gettext as _
from wagtail.images import get_image_model

from cms import params as parameters
from cms.dates import parse_month
from cms.pagination import paginate

LIST_IMAGE_SPEC = "fill-480x270"


@dataclasses.dataclass
class Listing:
    """A page of items, the filters that were applied and the messages about the ones that were not."""

    page: PaginatorPage
    filters: dict
    messages: list

    @property
    def items(self):
        return self.page.object_list


class Filtering:
    """Applies the query-string filters one by one, remembering what was applied and what was ignored.

    A bad value is never an error: it is ignored and the visitor is told.
    """

    def __init__(self, queryset, params):
        self.queryset, self.params = queryset, params
        self.filters, self.messages = {}, []

    def raw(self, param):
        """The parameter's text; '' (and a notice) when it holds control characters or is overlong."""
        try:
            return parameters.text(self.params.get(param), name=param)
        except parameters.BadParameter as error:
            self.messages.append(str(error))
            return ""

    def apply(self, param, value, *conditions, **lookup):
        self.filters[param] = value
        self.queryset = self.queryset.filter(*conditions, **lookup)

    def ignore(self, message, value):
        self.messages.append(message % {"value": value})

    def choice(self, param, field, choices, label):
        """Filter ``field`` by the value of ``param`` if it is one of ``choices``."""
        value = self.raw(param)
        if value in dict(choices):
            self.apply(param, value, **{field: value})
        elif value:
            self.messages.append(
                _("Unknown %(label)s «%(value)s» was ignored.") % {"label": label, "value": value}
            )

    def listing(self, queryset):
        return Listing(
            paginate(queryset, self.params.get("page"), self.messages), self.filters, self.messages
        )


def images_with_list_renditions():
    """Images with their list-size renditions, for ``Prefetch`` on a page's image field."""
    return get_image_model().objects.prefetch_renditions(LIST_IMAGE_SPEC)


def first_of_month(raw):
    """The first day of the month ``YYYY-MM`` (``cms.dates``), or None when ``raw`` is not one."""
    try:
        return parse_month(raw)
    except ValueError:
        return None
