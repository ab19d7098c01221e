"""Where imported pages go: their parents (index pages, commissions, found or created) and their slugs."""

from collections import defaultdict

from wagtail.models import Page

from pages.models import CommissionPage
from pages.models.acts import act_slug

from .dates import KYIV
from .slugs import make_slug
from .types import ITEM_TYPES


def create_child(parent, page):
    """Add and publish one page the ordinary way (index pages and commissions: a few per run)."""
    parent.add_child(instance=page)
    page.save_revision().publish(log_action=False)
    return Page.objects.get(pk=page.pk)


def free_slug(parent, title: str) -> str:
    """A slug of ``title`` that no child of ``parent`` has."""
    base = make_slug(title)
    taken = set(Page.objects.child_of(parent).filter(slug__startswith=base).values_list("slug", flat=True))
    slug, counter = base, 2
    while slug in taken:
        slug, counter = f"{base}-{counter}", counter + 1
    return slug


class Parents:
    """The parent page of each record, found or created once per run (None in a dry run if missing)."""

    def __init__(self, home, *, dry_run=False):
        self.home = home
        self.dry_run = dry_run
        self.cache = {}

    def forget(self):
        """Forget the parents found so far (after a rollback, which may have removed some)."""
        self.cache.clear()

    def for_record(self, record):
        if record.type == "page":
            return self.home
        commission = record.commission.casefold() if record.type == "commission_document" else ""
        key = (record.type, commission)
        if key not in self.cache:
            parent = self._index(ITEM_TYPES[record.type])
            if record.type == "commission_document":
                parent = self._commission(parent, record.commission)
            self.cache[key] = Page.objects.get(pk=parent.pk) if parent is not None else None
        return self.cache[key]

    def _index(self, item_type):
        index = item_type.index_model.objects.child_of(self.home).first()
        if index is None and not self.dry_run:
            index = create_child(
                self.home, item_type.index_model(title=item_type.index_title, slug=item_type.index_slug)
            )
        return index

    def _commission(self, index, name: str):
        if index is None:
            return None
        found = next(
            (
                page
                for page in CommissionPage.objects.child_of(index)
                if page.title.casefold() == name.casefold()
            ),
            None,
        )
        if found is None and not self.dry_run:
            found = create_child(index, CommissionPage(title=name, slug=free_slug(index, name)))
        return found


def record_slug(record) -> str:
    """The slug a record's page would get in the admin: an act with a number its readable
    «type-number-year» slug (``rishennia-4-49-2018``, see ``ActPage.full_clean``), any other its title's."""
    if record.type == "act" and record.number:
        day = record.adopted_on or record.published.astimezone(KYIV).date()
        slug = act_slug(act_type=record.act_type, number=record.number, year=day.year)
        if slug:
            return slug
    return make_slug(record.title)


def unique_slugs(records, parents) -> list[str]:
    """A slug per record, unique among its siblings: existing ones and those of the same batch."""
    slugs = [record_slug(record) for record in records]
    wanted = defaultdict(set)
    for parent, slug in zip(parents, slugs, strict=True):
        wanted[parent.pk].add(slug)
    taken = {
        parent.pk: set(
            Page.objects.child_of(parent).filter(slug__in=wanted[parent.pk]).values_list("slug", flat=True)
        )
        for parent in {parent.pk: parent for parent in parents}.values()
    }
    result = []
    for record, parent, slug in zip(records, parents, slugs, strict=True):
        siblings = taken[parent.pk]
        if slug in siblings:
            slug = f"{slug[:60]}-{make_slug(record.legacy_id, 30)}"
            base, counter = slug, 2
            while slug in siblings:
                slug, counter = f"{base}-{counter}", counter + 1
        siblings.add(slug)
        result.append(slug)
    return result
