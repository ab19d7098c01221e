"""Reads for the public listings: filtered, paginated, with their related rows loaded in bulk.

The selectors import no page model: each page hands over the querysets (or classes) it lists, as
cfpb's ``FilterableListMixin`` hands its form the pages to filter. So the arrows run one way,
``pages.models`` → ``pages.selectors`` → ``pages.listing``, and a selector reads any page family
given to it. Each listing returns a ``pages.listing.Listing``.
"""

from django.db import connection
from django.db.models import Prefetch, Q
from django.utils.translation import gettext as _
from modelcluster.queryset import FakeQuerySet

from cms import params as parameters

from .listing import Filtering, first_of_month, images_with_list_renditions


def child_by_slug(model, parent, slug):
    """The child of ``parent`` of type ``model`` with this slug, or None: the routing's read."""
    return model.objects.child_of(parent).filter(slug=slug).order_by("path").first()


def page_tags(page) -> list:
    """``page.tags.all()`` as a list (a preview's page keeps its revision's tags in memory)."""
    return list(page.tags.all())


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


#: Which of an act's related lists have a live row, in one statement of plain SQL: the ORM's
#: compilation of the same four ``Exists`` subqueries over the page tables cost ~2.5 ms of CPU per
#: act page (more than the rest of its queries together); this costs ~0.1 ms. The tables are the
#: ones of ``ActRelation``, ``ActPage.adopted_as`` and ``CommissionDocumentPage.concerns``.
ACT_FLAGS_SQL = """
SELECT
  EXISTS(SELECT 1 FROM pages_actrelation r JOIN wagtailcore_page p ON p.id = r.target_id
         WHERE r.source_id = %(act)s AND p.live),
  EXISTS(SELECT 1 FROM pages_actrelation r JOIN wagtailcore_page p ON p.id = r.source_id
         WHERE r.target_id = %(act)s AND p.live),
  EXISTS(SELECT 1 FROM pages_actpage a JOIN wagtailcore_page p ON p.id = a.page_ptr_id
         WHERE a.adopted_as_id = %(act)s AND p.live),
  EXISTS(SELECT 1 FROM pages_commissiondocumentpage_concerns c
         JOIN wagtailcore_page p ON p.id = c.commissiondocumentpage_id
         WHERE c.actpage_id = %(act)s AND p.live)
"""


def act_flags(act) -> dict[str, bool]:
    """Whether ``act`` has live relations, incoming relations, drafts and commission documents."""
    with connection.cursor() as cursor:
        cursor.execute(ACT_FLAGS_SQL, {"act": act.pk})
        row = cursor.fetchone()
    return dict(zip(("relations", "incoming", "drafts", "documents"), map(bool, row), strict=True))


def act_detail_related(act):
    """Everything an act page shows besides its own fields.

    Most acts amend nothing and have no drafts or commission documents: one query of EXISTS flags
    (:func:`act_flags`) tells which of those lists to read, so an ordinary act costs two queries
    here instead of six. A preview's act holds its revision's own relations in memory: they are
    shown as they are. The discussion section reads the
    drafts too (``ActPage.live_drafts``, cached on the act): known to be none, they cost no query.
    """
    flags = act_flags(act)
    if not flags["drafts"]:
        act.live_drafts = []
    own_relations = act.relations.all()
    if isinstance(own_relations, FakeQuerySet):  # a preview: the revision's relations, in memory
        relations = [relation for relation in own_relations if relation.target.live]
    elif flags["relations"]:
        relations = list(own_relations.filter(target__live=True).select_related("target", "target__issuer"))
    else:
        relations = []
    return {
        "relations": relations,
        "incoming_relations": (
            list(act.incoming_relations.filter(source__live=True).select_related("source", "source__issuer"))
            if flags["incoming"]
            else []
        ),
        "drafts": act.live_drafts,
        "adopted_as": (
            type(act).objects.live().public().select_related("issuer").filter(pk=act.adopted_as_id).first()
            if act.adopted_as_id
            else None
        ),
        "commission_documents": (
            list(act.commission_documents.live().public().order_by("-meeting_date"))
            if flags["documents"]
            else []
        ),
    }


def latest(pages, *, count, image=None):
    """The ``count`` newest of ``pages`` (by date), with the list image in ``image`` prefetched."""
    if image:
        pages = with_list_images(pages, image)
    return list(pages.order_by("-date", "-pk")[:count])


def home_blocks(*, home, news, acts, videos, indexes, children=None):
    """The latest news, acts and videos for the home page, with the indexes they link to.

    ``news``, ``acts`` and ``videos`` are the page classes to read; ``indexes`` maps a context name
    (``news_index``...) to the index page class whose first live child of ``home`` it shows, taken
    from ``children`` (every child of ``home`` in tree order, specific: ``cms.menus.top_pages``)
    when given, else read.
    """

    def readable(model):  # by anyone: not behind a login, a group or a password
        return model.objects.live().public().descendant_of(home)

    blocks = {
        "latest_news": latest(readable(news), count=6, image="main_image"),
        "latest_acts": latest(readable(acts).select_related("issuer"), count=6),
        "latest_videos": latest(readable(videos), count=3, image="thumbnail"),
    }
    for name, index in indexes.items():
        if children is None:
            blocks[name] = index.objects.live().child_of(home).first()
        else:
            blocks[name] = next((page for page in children if isinstance(page, index) and page.live), None)
    return blocks
