"""The cached pages that show the council's records, purged when the records change.

The council's own pages (deputies, meetings) are the page cache's ``council`` section
(``PAGE_CACHE_SECTIONS``): saving or deleting a record purges it through the models' signals; the
bulk writers (import, recount) purge it here, and a page they show (an act, a commission, a video)
purges it when it is published, unpublished or deleted (:func:`sections_showing`), and so does a
meeting's protocol document when it is saved or deleted (:func:`connect_signals`).

An act page shows the votes of the agenda items whose draft or decision it is (``act_sections``); the
page cache (``cms.cache``) would keep the old table until it expires. Every writer of ballots recounts
through ``council.tally``, which calls ``purge_acts_of`` after its transaction commits: each page's
URLs are purged (``cms.cache_purge.purge_page``), or everything when a bulk recount touched more pages
than it is worth purging one by one.
"""

from django.db import transaction
from django.db.models.signals import post_save, pre_delete
from wagtail.documents import get_document_model

from cms.cache_purge import purge_everything, purge_page, purge_section
from pages.models import ActPage, CommissionPage, VideoPage

from .models import AgendaItem, Meeting

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


def _document_changed(sender, instance, **kwargs):
    if Meeting.objects.filter(protocol=instance).exists():
        purge_section(SECTION)


def connect_signals() -> None:
    """A meeting's protocol is a document: its title or file changed, or it is deleted (the meeting's
    link is then dropped without a signal), purges the section. Other documents leave it alone."""
    document = get_document_model()
    post_save.connect(_document_changed, sender=document, dispatch_uid="council_cache_protocol_saved")
    pre_delete.connect(_document_changed, sender=document, dispatch_uid="council_cache_protocol_deleted")


def sections_showing(page) -> list[str]:
    """``page_cache_sections`` hook: the deputies' and meetings' pages link acts, commissions, videos."""
    model = page.specific_class
    return [SECTION] if model and issubclass(model, ActPage | CommissionPage | VideoPage) else []
