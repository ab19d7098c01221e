"""Reads for the public listings: filtered, paginated, with their related rows loaded in bulk.

Each listing returns a ``Listing``: the page of items, the filters that were applied and the
messages about the ones that were not (a bad value is ignored and the visitor is told).
"""

import dataclasses
import datetime
import re

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.utils.translation import gettext as _
from wagtail.images import get_image_model

PER_PAGE = 20
LIST_IMAGE_SPEC = "fill-480x270"
MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@dataclasses.dataclass
class Listing:
    page: PaginatorPage
    filters: dict
    messages: list

    @property
    def items(self):
        return self.page.object_list


def paginate(queryset, raw_page, messages, *, per_page=PER_PAGE):
    """The requested page of ``queryset``, clamped to the existing pages; a bad number is reported."""
    paginator = Paginator(queryset, per_page, allow_empty_first_page=True)
    try:
        number = int(raw_page or 1)
    except (TypeError, ValueError):
        messages.append(_("The page number «%(value)s» is not a number; showing the first page.")
                        % {"value": raw_page})
        number = 1
    if number < 1:
        messages.append(_("There is no page %(value)s; showing the first page.") % {"value": number})
        number = 1
    elif number > paginator.num_pages:
        messages.append(_("There is no page %(value)s; showing the last page.") % {"value": number})
        number = paginator.num_pages
    return paginator.page(number)


def _choice(raw, choices, label, messages):
    if not raw:
        return None
    if raw in dict(choices):
        return raw
    messages.append(_("Unknown %(label)s «%(value)s» was ignored.") % {"label": label, "value": raw})
    return None


def images_with_list_renditions():
    """Images with their list-size renditions, for ``Prefetch`` on a page's image field."""
    return get_image_model().objects.prefetch_renditions(LIST_IMAGE_SPEC)


def news_listing(*, index, params):
    """The live news under ``index`` filtered by ``?kind=``, ``?tag=`` and ``?month=YYYY-MM``."""
    from .models import NewsKind, NewsPage

    messages, filters = [], {}
    queryset = NewsPage.objects.live().child_of(index)
    kind = _choice(params.get("kind"), NewsKind.choices, _("kind"), messages)
    if kind:
        filters["kind"] = kind
        queryset = queryset.filter(kind=kind)
    tag = (params.get("tag") or "").strip()
    if tag:
        filters["tag"] = tag
        queryset = queryset.filter(tags__slug=tag)
    raw_month = (params.get("month") or "").strip()
    if raw_month:
        match = MONTH.match(raw_month)
        month = None
        if match:
            try:
                month = datetime.date(int(match[1]), int(match[2]), 1)
            except ValueError:
                month = None
        if month:
            filters["month"] = month
            queryset = queryset.filter(date__year=month.year, date__month=month.month)
        else:
            messages.append(_("The month «%(value)s» is not in the form YYYY-MM and was ignored.")
                            % {"value": raw_month})
    # Not select_related("main_image"): Django skips a prefetch through an already loaded
    # relation, and the renditions must come with the images.
    queryset = (
        queryset.prefetch_related(Prefetch("main_image", queryset=images_with_list_renditions()))
        .order_by("-date", "-pk")
        .distinct()
    )
    return Listing(paginate(queryset, params.get("page"), messages), filters, messages)


def act_listing(*, index, params):
    """The live acts under ``index`` filtered by ``?type= &issuer= &year= &status= &number=``."""
    from .models import ActPage, ActStatus, ActType, Issuer

    messages, filters = [], {}
    queryset = ActPage.objects.live().child_of(index)
    act_type = _choice(params.get("type"), ActType.choices, _("act type"), messages)
    if act_type:
        filters["type"] = act_type
        queryset = queryset.filter(act_type=act_type)
    status = _choice(params.get("status"), ActStatus.choices, _("status"), messages)
    if status:
        filters["status"] = status
        queryset = queryset.filter(status=status)
    issuer_slug = (params.get("issuer") or "").strip()
    if issuer_slug:
        issuer = Issuer.objects.filter(slug=issuer_slug).first()
        if issuer:
            filters["issuer"] = issuer
            queryset = queryset.filter(issuer=issuer)
        else:
            messages.append(_("Unknown issuer «%(value)s» was ignored.") % {"value": issuer_slug})
    raw_year = (params.get("year") or "").strip()
    if raw_year:
        if raw_year.isdigit() and 1900 <= int(raw_year) <= 2100:
            year = int(raw_year)
            filters["year"] = year
            queryset = queryset.filter(
                Q(adopted_on__year=year) | Q(adopted_on__isnull=True, date__year=year)
            )
        else:
            messages.append(_("The year «%(value)s» is not a year and was ignored.") % {"value": raw_year})
    number = (params.get("number") or "").strip()
    if number:
        filters["number"] = number
        queryset = queryset.filter(number__iexact=number)
    queryset = queryset.select_related("issuer").order_by("-date", "-pk")
    return Listing(paginate(queryset, params.get("page"), messages), filters, messages)


def act_years(*, index):
    """The years that have acts under ``index``, newest first, for the filter form."""
    from .models import ActPage

    dates = ActPage.objects.live().child_of(index).dates("date", "year", order="DESC")
    return [d.year for d in dates]


def act_detail_related(act):
    """Everything an act page shows besides its own fields, each read in one query."""
    from .models import ActPage

    pages = ActPage.objects.live().select_related("issuer")
    return {
        "relations": list(act.relations.filter(target__live=True).select_related("target", "target__issuer")),
        "incoming_relations": list(
            act.incoming_relations.filter(source__live=True).select_related("source", "source__issuer")
        ),
        "drafts": list(pages.filter(adopted_as=act).order_by("date")),
        "adopted_as": pages.filter(pk=act.adopted_as_id).first() if act.adopted_as_id else None,
        "votes": list(act.votes.all()),
        "commission_documents": list(act.commission_documents.live().order_by("-meeting_date")),
    }


def home_blocks(*, home):
    """The latest news, acts and videos for the home page, with the indexes they link to."""
    from .models import ActIndexPage, ActPage, NewsIndexPage, NewsPage, VideoIndexPage, VideoPage

    return {
        "latest_news": list(
            NewsPage.objects.live().descendant_of(home)
            .prefetch_related(Prefetch("main_image", queryset=images_with_list_renditions()))
            .order_by("-date", "-pk")[:6]
        ),
        "latest_acts": list(
            ActPage.objects.live().descendant_of(home).select_related("issuer").order_by("-date", "-pk")[:6]
        ),
        "latest_videos": list(
            VideoPage.objects.live().descendant_of(home)
            .prefetch_related(Prefetch("thumbnail", queryset=images_with_list_renditions()))
            .order_by("-date", "-pk")[:3]
        ),
        "news_index": NewsIndexPage.objects.live().child_of(home).first(),
        "act_index": ActIndexPage.objects.live().child_of(home).first(),
        "video_index": VideoIndexPage.objects.live().child_of(home).first(),
    }
