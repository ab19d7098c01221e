"""The cached pages that show the council's records, purged when the records change.

The council's own pages (deputies, meetings) are the page cache's ``council`` section
(``PAGE_CACHE_SECTIONS``): saving or deleting a record purges it through the models' signals; the
bulk writers (import, recount) purge it here, and a page they show (an act, a commission, a video)
purges it when it is published, unpublished or deleted (:func:`sections_showing`).


An act page shows the votes of the agenda items whose draft or decision it is (``act_sections``); the
page cache (``cms.cache``) would keep the old table until it expires. Every writer of ballots recounts
through ``council.tally``, which calls ``purge_acts_of`` after its transaction commits: each page's
URLs are purged (``cms.cache_purge.purge_page``), or everything when a bulk recount touched more pages
than it is worth purging one by one.
"""

from django.db import transaction

from cms.cache_purge import purge_everything, purge_page, purge_section
from pages.models import ActPage, CommissionPage, VideoPage

from .models import AgendaItem

SECTION = "council"
#: Above this many act pages, one purge of everything is cheaper than each page's URLs.
PURGE_ONE_BY_ONE = 20


def _purge(item_ids: list[int]) -> None:
    acts = set()
    for draft_id, decision_id in AgendaItem.objects.filter(pk__in=item_ids).values_list(
        "draft_id", "decision_id"
    ):
        acts.update(pk for pk in (draft_id, decision_id) if pk)
    if len(acts) > PURGE_ONE_BY_ONE:
        purge_everything()
        return
    for page in ActPage.objects.filter(pk__in=acts).live():
        purge_page(page=page)


def purge_acts_of(votes) -> None:
    """After the current transaction commits, purge the act pages showing any of ``votes``."""
    item_ids = sorted({vote.agenda_item_id for vote in votes})
    if item_ids:
        transaction.on_commit(lambda: _purge(item_ids))
        purge_section(SECTION)


def sections_showing(page) -> list[str]:
    """``page_cache_sections`` hook: the deputies' and meetings' pages link acts, commissions, videos."""
    model = page.specific_class
    return [SECTION] if model and issubclass(model, ActPage | CommissionPage | VideoPage) else []
