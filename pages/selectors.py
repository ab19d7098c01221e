"""Reads for the public listings: filtered, paginated, with their related rows loaded in bulk.

Each listing returns a ``Listing``: the page of items, the filters that were applied and the
messages about the ones that were not (a bad value is ignored and the visitor is told).
"""

import dataclasses

from django.core.paginator import Page as PaginatorPage
from django.db.models import Exists, Prefetch, Q
from django.utils.translation import gettext as _
from wagtail.images import get_image_model

from cms.dates import parse_month
from cms.pagination import paginate

LIST_IMAGE_SPEC = "fill-480x270"


@dataclasses.dataclass
class Listing:
    page: PaginatorPage
    filters: dict
    messages: list

    @property
    def items(self):
        return self.page.object_list


class _Filtering:
    """Applies the query-string filters one by one, remembering what was applied and what was ignored."""

    def __init__(self, queryset, params):
        self.queryset, self.params = queryset, params
        self.filters, self.messages = {}, []

    def raw(self, param):
        return (self.params.get(param) or "").strip()

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


def _first_of_month(raw):
    try:
        return parse_month(raw)
    except ValueError:
        return None


def news_listing(*, index, params):
    """The live news under ``index`` filtered by ``?kind=``, ``?tag=`` and ``?month=YYYY-MM``."""
    from .models import NewsKind, NewsPage, NewsPageTag

    f = _Filtering(NewsPage.objects.live().child_of(index), params)
    f.choice("kind", "kind", NewsKind.choices, _("kind"))
    if tag := f.raw("tag"):
        # A subquery, not a join: no duplicate rows, so no DISTINCT over every column of the page
        # tables (the paginator's COUNT of it took 274 ms of 1.7 s at 2,000 news, loaded machine).
        f.apply("tag", tag, pk__in=NewsPageTag.objects.filter(tag__slug=tag).values("content_object_id"))
    if raw_month := f.raw("month"):
        if month := _first_of_month(raw_month):
            f.apply("month", month, date__year=month.year, date__month=month.month)
        else:
            f.ignore(_("The month «%(value)s» is not in the form YYYY-MM and was ignored."), raw_month)
    # Not select_related("main_image"): Django skips a prefetch through an already loaded
    # relation, and the renditions must come with the images.
    return f.listing(
        f.queryset.prefetch_related(Prefetch("main_image", queryset=images_with_list_renditions())).order_by(
            "-date", "-pk"
        )
    )


def news_tags(*, index):
    """(slug, name) of the tags used by the live news under ``index``, for the filter form."""
    from .models import NewsPage, NewsPageTag

    return list(
        NewsPageTag.objects.filter(content_object__in=NewsPage.objects.live().child_of(index))
        .values_list("tag__slug", "tag__name")
        .distinct()
        .order_by("tag__name")
    )


def act_listing(*, index, params):
    """The live acts under ``index`` filtered by ``?type= &issuer= &year= &status= &number=``."""
    from .models import ActPage, ActStatus, ActType, Issuer

    f = _Filtering(ActPage.objects.live().child_of(index), params)
    f.choice("type", "act_type", ActType.choices, _("act type"))
    f.choice("status", "status", ActStatus.choices, _("status"))
    if issuer_slug := f.raw("issuer"):
        if issuer := Issuer.objects.filter(slug=issuer_slug).first():
            f.apply("issuer", issuer, issuer=issuer)
        else:
            f.ignore(_("Unknown issuer «%(value)s» was ignored."), issuer_slug)
    if raw_year := f.raw("year"):
        if raw_year.isdigit() and 1900 <= int(raw_year) <= 2100:
            year = int(raw_year)
            f.apply("year", year, Q(adopted_on__year=year) | Q(adopted_on__isnull=True, date__year=year))
        else:
            f.ignore(_("The year «%(value)s» is not a year and was ignored."), raw_year)
    if number := f.raw("number"):
        f.apply("number", number, number__iexact=number)
    return f.listing(f.queryset.select_related("issuer").order_by("-date", "-pk"))


def act_years(*, index):
    """The years that have acts under ``index``, newest first, for the filter form."""
    from .models import ActPage

    dates = ActPage.objects.live().child_of(index).dates("date", "year", order="DESC")
    return [d.year for d in dates]


def act_detail_related(act):
    """Everything an act page shows besides its own fields.

    Most acts amend nothing and have no drafts or commission documents: one query of EXISTS flags
    tells which of those lists to read, so an ordinary act costs two queries here instead of six.
    """
    from .models import ActPage

    pages = ActPage.objects.live().select_related("issuer")
    relations = act.relations.filter(target__live=True)
    incoming = act.incoming_relations.filter(source__live=True)
    drafts = pages.filter(adopted_as=act)
    documents = act.commission_documents.live()
    flags = (
        ActPage.objects.filter(pk=act.pk)
        .annotate(
            has_relations=Exists(relations),
            has_incoming=Exists(incoming),
            has_drafts=Exists(drafts),
            has_documents=Exists(documents),
        )
        .values("has_relations", "has_incoming", "has_drafts", "has_documents")
        .first()
    ) or {}
    return {
        "relations": list(relations.select_related("target", "target__issuer"))
        if flags.get("has_relations")
        else [],
        "incoming_relations": (
            list(incoming.select_related("source", "source__issuer")) if flags.get("has_incoming") else []
        ),
        "drafts": list(drafts.order_by("date")) if flags.get("has_drafts") else [],
        "adopted_as": pages.filter(pk=act.adopted_as_id).first() if act.adopted_as_id else None,
        "votes": list(act.votes.all()),
        "commission_documents": list(documents.order_by("-meeting_date"))
        if flags.get("has_documents")
        else [],
    }


def home_blocks(*, home):
    """The latest news, acts and videos for the home page, with the indexes they link to."""
    from .models import ActIndexPage, ActPage, NewsIndexPage, NewsPage, VideoIndexPage, VideoPage

    return {
        "latest_news": list(
            NewsPage.objects.live()
            .descendant_of(home)
            .prefetch_related(Prefetch("main_image", queryset=images_with_list_renditions()))
            .order_by("-date", "-pk")[:6]
        ),
        "latest_acts": list(
            ActPage.objects.live().descendant_of(home).select_related("issuer").order_by("-date", "-pk")[:6]
        ),
        "latest_videos": list(
            VideoPage.objects.live()
            .descendant_of(home)
            .prefetch_related(Prefetch("thumbnail", queryset=images_with_list_renditions()))
            .order_by("-date", "-pk")[:3]
        ),
        "news_index": NewsIndexPage.objects.live().child_of(home).first(),
        "act_index": ActIndexPage.objects.live().child_of(home).first(),
        "video_index": VideoIndexPage.objects.live().child_of(home).first(),
    }
