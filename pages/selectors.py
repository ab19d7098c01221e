"""Reads for the public listings: filtered, paginated, with their related rows loaded in bulk.

The selectors import no page model: each page hands over the querysets (or classes) it lists, as
cfpb's ``FilterableListMixin`` hands its form the pages to filter. So the arrows run one way,
``pages.models`` → ``pages.selectors`` → ``pages.listing``, and a selector reads any page family
given to it. Each listing returns a ``pages.listing.Listing``.
"""

from django.db.models import Exists, Prefetch, Q
from django.utils.translation import gettext as _

from cms import params as parameters

from .listing import Filtering, first_of_month, images_with_list_renditions


def with_list_images(queryset, field):
    """``queryset`` with the image in ``field`` and its list-size renditions prefetched.

    Not ``select_related``: Django skips a prefetch through an already loaded relation, and the
    renditions must come with the images.
    """
    return queryset.prefetch_related(Prefetch(field, queryset=images_with_list_renditions()))


def news_listing(*, news, params):
    """The news ``news`` (live, under one index) filtered by ``?kind=``, ``?tag=`` and ``?month=YYYY-MM``."""
    f = Filtering(news, params)
    f.choice("kind", "kind", news.model._meta.get_field("kind").choices, _("kind"))
    if tag := f.raw("tag"):
        # A subquery, not a join: no duplicate rows, so no DISTINCT over every column of the page
        # tables (the paginator's COUNT of it took 274 ms of 1.7 s at 2,000 news, loaded machine).
        tagged = news.model.tags.through
        f.apply("tag", tag, pk__in=tagged.objects.filter(tag__slug=tag).values("content_object_id"))
    if raw_month := f.raw("month"):
        if month := first_of_month(raw_month):
            f.apply("month", month, date__year=month.year, date__month=month.month)
        else:
            f.ignore(_("The month «%(value)s» is not in the form YYYY-MM and was ignored."), raw_month)
    return f.listing(with_list_images(f.queryset, "main_image").order_by("-date", "-pk"))


def news_tags(*, news):
    """(slug, name) of the tags used by the news ``news``, for the filter form."""
    tagged = news.model.tags.through
    return list(
        tagged.objects.filter(content_object__in=news)
        .values_list("tag__slug", "tag__name")
        .distinct()
        .order_by("tag__name")
    )


def act_listing(*, acts, params, types, statuses, issuers):
    """The acts ``acts`` filtered by ``?type= &issuer= &year= &status= &number=``.

    ``types`` and ``statuses`` are the choices a filter accepts; ``issuers`` the issuers it may name.
    """
    f = Filtering(acts, params)
    f.choice("type", "act_type", types, _("act type"))
    f.choice("status", "status", statuses, _("status"))
    if issuer_slug := f.raw("issuer"):
        if issuer := issuers.filter(slug=issuer_slug).first():
            f.apply("issuer", issuer, issuer=issuer)
        else:
            f.ignore(_("Unknown issuer «%(value)s» was ignored."), issuer_slug)
    if raw_year := f.raw("year"):
        try:
            year = parameters.year(raw_year)
        except parameters.BadParameter:
            year = None
        if year is not None:
            f.apply("year", year, Q(adopted_on__year=year) | Q(adopted_on__isnull=True, date__year=year))
        else:
            f.ignore(_("The year «%(value)s» is not a year and was ignored."), raw_year)
    if number := f.raw("number"):
        f.apply("number", number, number__iexact=number)
    return f.listing(f.queryset.select_related("issuer").order_by("-date", "-pk"))


def act_years(*, acts):
    """The years that have acts among ``acts``, newest first, for the filter form."""
    return [day.year for day in acts.dates("date", "year", order="DESC")]


def act_detail_related(act):
    """Everything an act page shows besides its own fields.

    Most acts amend nothing and have no drafts or commission documents: one query of EXISTS flags
    tells which of those lists to read, so an ordinary act costs two queries here instead of six.
    """
    acts = type(act).objects
    pages = acts.live().select_related("issuer")
    relations = act.relations.filter(target__live=True)
    incoming = act.incoming_relations.filter(source__live=True)
    drafts = pages.filter(adopted_as=act)
    documents = act.commission_documents.live()
    flags = (
        acts.filter(pk=act.pk)
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
        "commission_documents": list(documents.order_by("-meeting_date"))
        if flags.get("has_documents")
        else [],
    }


def latest(pages, *, count, image=None):
    """The ``count`` newest of ``pages`` (by date), with the list image in ``image`` prefetched."""
    if image:
        pages = with_list_images(pages, image)
    return list(pages.order_by("-date", "-pk")[:count])


def home_blocks(*, home, news, acts, videos, indexes):
    """The latest news, acts and videos for the home page, with the indexes they link to.

    ``news``, ``acts`` and ``videos`` are the page classes to read; ``indexes`` maps a context name
    (``news_index``...) to the index page class whose first live child of ``home`` it shows.
    """
    blocks = {
        "latest_news": latest(news.objects.live().descendant_of(home), count=6, image="main_image"),
        "latest_acts": latest(acts.objects.live().descendant_of(home).select_related("issuer"), count=6),
        "latest_videos": latest(videos.objects.live().descendant_of(home), count=3, image="thumbnail"),
    }
    for name, index in indexes.items():
        blocks[name] = index.objects.live().child_of(home).first()
    return blocks
