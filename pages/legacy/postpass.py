"""The post-pass: the work an item waits for once every batch is written, resumable by design.

Each item carries what it still needs on its ``LegacyItem`` (``needs_relations``, ``needs_links``,
``needs_index``), set in the transaction that wrote it. The post-pass of any run (not only the run
that wrote the item) does that work for every item still marked, chunk by chunk, each chunk in one
transaction that also clears the marks. An import killed at any point, batches or post-pass, is
finished by the next run; doing a chunk twice gives the same result (see docs/import.md).
"""

from django.db import transaction
from wagtail.models import Page

from cms.bulk import chunked, index_in_bulk
from cms.models import CouncilDocument
from pages.models import CommissionDocumentPage, LegacyItem

from .links import LinkKeys, relink
from .types import MODELS, has_attachments

CHUNK_SIZE = 500


def _pending(flag: str):
    """Ids of the items marked ``flag``, read up front (the marks are cleared while they are worked on)."""
    return list(LegacyItem.objects.filter(**{flag: True}).order_by("pk").values_list("pk", flat=True))


def link_relations(chunk_size: int = CHUNK_SIZE) -> int:
    """Link each marked commission document to the acts it concerns, replacing its links.

    A document stays marked while some act it names is not imported yet. Returns how many documents.
    """
    through = CommissionDocumentPage.concerns.through
    done = 0
    for ids in chunked(_pending("needs_relations"), chunk_size):
        with transaction.atomic():
            items = list(LegacyItem.objects.filter(pk__in=ids).values_list("pk", "page_id", "concerns"))
            wanted = {legacy_id for _, _, concerns in items for legacy_id in concerns}
            acts = dict(
                LegacyItem.objects.filter(legacy_id__in=wanted, item_type="act").values_list(
                    "legacy_id", "page_id"
                )
            )
            pages = set(
                CommissionDocumentPage.objects.filter(
                    pk__in=[page_id for _, page_id, _ in items]
                ).values_list("pk", flat=True)
            )
            through.objects.filter(commissiondocumentpage_id__in=pages).delete()
            through.objects.bulk_create(
                through(commissiondocumentpage_id=page_id, actpage_id=acts[legacy_id])
                for _, page_id, concerns in items
                if page_id in pages
                for legacy_id in concerns
                if legacy_id in acts
            )
            waiting = [
                pk for pk, page_id, concerns in items if page_id in pages and set(concerns) - set(acts)
            ]
            LegacyItem.objects.filter(pk__in=ids).update(needs_relations=False)
            LegacyItem.objects.filter(pk__in=waiting).update(needs_relations=True)
            done += len(items)
    return done


def rewrite_pending_links(chunk_size: int = 200, legacy_hosts=None) -> int:
    """Rewrite the old links of each marked page's body; a page stays marked while some target is missing."""
    keys = LinkKeys(legacy_hosts)
    done = 0
    for ids in chunked(_pending("needs_links"), chunk_size):
        with transaction.atomic():
            item_ids = dict(LegacyItem.objects.filter(pk__in=ids).values_list("page_id", "pk"))
            waiting = [
                item_ids[page.pk]
                for page in Page.objects.filter(pk__in=list(item_ids)).specific()
                if relink(page, keys)
            ]
            LegacyItem.objects.filter(pk__in=ids).update(needs_links=False)
            LegacyItem.objects.filter(pk__in=waiting).update(needs_links=True)
            done += len(ids)
    return done


def _attached_document_ids(model, page_ids) -> set:
    if not has_attachments(model):
        return set()
    return {
        block["value"]["document"]
        for page in model.objects.filter(pk__in=page_ids).only("attachments")
        for block in page.attachments.raw_data
        if block["value"].get("document")
    }


def index_pending(chunk_size: int = CHUNK_SIZE) -> int:
    """Index, with every auto-updated search backend (the site's postings too), the marked pages and the
    documents attached to them. Returns how many pages."""
    done = 0
    for ids in chunked(_pending("needs_index"), chunk_size):
        with transaction.atomic():
            by_type = {}
            for item_type, page_id in LegacyItem.objects.filter(pk__in=ids).values_list(
                "item_type", "page_id"
            ):
                by_type.setdefault(item_type, []).append(page_id)
            documents = set()
            for item_type, page_ids in by_type.items():
                done += index_in_bulk(MODELS[item_type], sorted(page_ids), chunk_size=chunk_size)
                documents |= _attached_document_ids(MODELS[item_type], page_ids)
            index_in_bulk(CouncilDocument, sorted(documents), chunk_size=chunk_size)
            LegacyItem.objects.filter(pk__in=ids).update(needs_index=False)
    return done


def run_postpass(*, index=True) -> dict:
    """All pending work, in the order each step needs: relations and links before indexing."""
    counts = {"relations": link_relations(), "links": rewrite_pending_links()}
    if index:
        counts["indexed"] = index_pending()
    return counts
