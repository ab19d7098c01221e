"""Writers: they know Wagtail. They turn batches of LegacyRecord into pages, documents and redirects.

New pages are written in bulk through ``cms.tree`` (the ``wagtailcore_page`` rows, then the rows of
the specific table), then one revision per page. Changed items are rare and go through the ordinary
model API. What must wait for later items or the end of the run (acts a commission document
concerns, links to items not imported yet, search indexing) is marked on each ``LegacyItem`` in the
batch's transaction and done by ``pages.legacy.postpass``.
"""

import datetime
import uuid
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, F, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, PageLogEntry, Revision, Site

from cms.audit import SYSTEM_USERNAME, log_imported_pages, system_user
from cms.tree import PageTree, insert_specific
from pages.models import LegacyItem, NewsPage, NewsPageTag

from .documents import FileCache, ImageImporter, write_documents
from .fields import TagIds, page_fields, revision_content
from .html import convert_html
from .issuers import IssuerMatcher
from .links import LinkKeys, body_html, has_old_links, uid_key
from .records import RecordError
from .redirects import normalise_url, write_redirects
from .tree import Parents, unique_slugs
from .types import MODELS, body_field


class PageWriter:
    """Writes batches of records; one instance per run keeps the parents and their next child number."""

    def __init__(
        self,
        *,
        bundle=None,
        dry_run=False,
        legacy_hosts=None,
        create_missing_issuers=False,
        overwrite_edited=False,
    ):
        self.bundle = bundle
        self.overwrite_edited = overwrite_edited
        self.dry_run = dry_run
        self.home = Site.objects.get(is_default_site=True).root_page
        self.issuers = IssuerMatcher(create_missing=create_missing_issuers, dry_run=dry_run)
        self.parents = Parents(self.home, dry_run=dry_run)
        self.tree = PageTree()
        self.links = LinkKeys(legacy_hosts)
        self.images = ImageImporter(bundle, dry_run=dry_run)
        self._images_missing_before = 0
        self.tag_ids = TagIds()
        self.locale_id = Locale.get_default().pk if not dry_run else None
        self.page_ct = ContentType.objects.get_for_model(Page)
        # Revisions and audit log entries of the import name «Система імпорту» (cms.audit).
        self.user = system_user() if not dry_run else None
        self.content_types = {model: ContentType.objects.get_for_model(model) for model in MODELS.values()}
        # The line of each legacy_id met so far in the run: the first occurrence is imported and any
        # later one fails, whichever batch it falls in (a record retried alone keeps its line).
        self.seen = {}

    @property
    def images_missing(self) -> list:
        """(line, legacy_id, path) of each body image not found in the bundle, for the written items."""
        return self.images.missing

    def forget(self):
        """After a rolled-back batch: forget the paths and parents it may have created, and the images it
        found missing (its items are written again one by one, or fail)."""
        self.tree.forget()
        self.parents.forget()
        del self.images.missing[self._images_missing_before :]

    @staticmethod
    def edited_on_the_site(page_ids) -> set:
        """The pages someone changed on the new site after the import wrote them: any entry of their
        history (an edit, a draft, a publication, an unpublication, a move) by another than the import's
        user; taking or releasing a lock changes nothing."""
        return set(
            PageLogEntry.objects.filter(page_id__in=page_ids)
            .exclude(user__username=SYSTEM_USERNAME)
            .exclude(action__in=("wagtail.lock", "wagtail.unlock"))
            .values_list("page_id", flat=True)
        )

    def classify(self, records):
        """Split a batch into new, changed and unchanged records, with one query for the whole batch.

        Returns (new, changed, unchanged, failures, files); each record of new/changed gets ``digest``
        and, if known, ``page_id`` as attributes. A changed item whose page was edited on the new site
        since is not changed (unless ``overwrite_edited``): it is a failure ``edited on the site``, so the
        editors' work stays and every run says so.
        """
        files = FileCache(self.bundle)
        existing = {
            legacy_id: (page_id, digest, item_type)
            for legacy_id, page_id, digest, item_type in LegacyItem.objects.filter(
                legacy_id__in=[record.legacy_id for record in records]
            ).values_list("legacy_id", "page_id", "digest", "item_type")
        }
        new, changed, unchanged, failures = [], [], [], []
        for record in records:
            try:
                line = record.line if record.line is not None else id(record)
                if self.seen.setdefault(record.legacy_id, line) != line:
                    raise RecordError("duplicate legacy_id", field="legacy_id", value=record.legacy_id)
                if record.legacy_id in existing and existing[record.legacy_id][2] != record.type:
                    # Checked here, not when writing, so that a dry run reports it too.
                    previous = existing[record.legacy_id][2]
                    raise RecordError("type changed", f"{previous} → {record.type}", field="type")
                record.digest = record.fingerprint(
                    [files.digest(attachment) for attachment in record.attachments]
                )
                if record.type == "act":
                    self.issuers.match(record.issuer)
                if record.legacy_id not in existing:
                    new.append(record)
                elif existing[record.legacy_id][1] == record.digest:
                    unchanged.append(record)
                else:
                    record.page_id = existing[record.legacy_id][0]
                    changed.append(record)
            except RecordError as exc:
                exc.line, exc.legacy_id = record.line, record.legacy_id
                failures.append(exc)
        if changed and not self.overwrite_edited:
            edited = self.edited_on_the_site([record.page_id for record in changed])
            for record in changed:
                if record.page_id in edited:
                    failures.append(
                        RecordError(
                            "edited on the site",
                            _(
                                "not updated, to keep what editors changed since the import; "
                                "--overwrite-edited puts the old site's content in its place"
                            ),
                            line=record.line,
                            legacy_id=record.legacy_id,
                        )
                    )
            changed = [record for record in changed if record.page_id not in edited]
        return new, changed, unchanged, failures, files

    def check(self, records):
        """In a dry run, what writing the records would find without failing them: the images of their
        bodies that are not in the bundle (counted by ``images_missing`` as the real run counts them)."""
        for record in records:
            if body_field(MODELS[record.type]) is not None:
                self.images.record = (record.line, record.legacy_id)
                convert_html(record.body_html, resolve_image=self.images)

    def write(self, new, changed, files):
        """Create the new records' pages in bulk and update the changed ones. Call inside a transaction."""
        self._images_missing_before = len(self.images.missing)
        documents = write_documents(new + changed, files)
        if new:
            self._create(new, documents=documents, files=files)
        for record in changed:
            self._update(record, documents=documents, files=files)

    def _fields(self, record, *, documents, files, resolve_link):
        """(model, values, whether some link waits for an item not imported yet)."""
        self.images.record = (record.line, record.legacy_id)
        model, values, _ = page_fields(
            record,
            documents=documents,
            files=files,
            resolve_link=resolve_link,
            resolve_image=self.images,
            issuers=self.issuers,
        )
        field = body_field(model)
        waiting = field is not None and has_old_links(self.links, body_html(model, values[field[0]]))
        return model, values, waiting

    def _base_pages(self, records):
        parents = [self.parents.for_record(record) for record in records]
        pages = []
        for record, parent, slug in zip(records, parents, unique_slugs(records, parents), strict=True):
            page = Page(
                title=record.title,
                draft_title=record.title,
                slug=slug,
                content_type=self.content_types[MODELS[record.type]],
                live=record.live,
                has_unpublished_changes=not record.live,
                first_published_at=record.published if record.live else None,
                last_published_at=record.published if record.live else None,
                latest_revision_created_at=record.published,
                locale_id=self.locale_id,
                translation_key=uuid.uuid4(),
            )
            pages.append(self.tree.place(page, parent))
        return self.tree.create(pages)

    def _create(self, records, *, documents, files):
        base_pages = self._base_pages(records)
        batch_urls = {
            normalise_url(r.url): page.pk for r, page in zip(records, base_pages, strict=True) if r.url
        }
        batch_urls.update(
            (uid_key(r.legacy_id), page.pk) for r, page in zip(records, base_pages, strict=True)
        )
        resolve_link = self.links.resolver([record.body_html for record in records], batch_urls)
        specific_by_model = defaultdict(list)
        revisions, tags, items = [], [], []
        for record, base in zip(records, base_pages, strict=True):
            model, values, unresolved = self._fields(
                record, documents=documents, files=files, resolve_link=resolve_link
            )
            base_values = {
                field.attname: getattr(base, field.attname) for field in Page._meta.concrete_fields
            }
            page = model(**{**base_values, **values})
            page.page_ptr_id = base.pk
            specific_by_model[model].append(page)
            tag_ids = self.tag_ids(record.tags) if model is NewsPage else []
            tags.extend(NewsPageTag(content_object_id=base.pk, tag_id=tag_id) for tag_id in tag_ids)
            revisions.append(self._revision(record, page, tag_ids))
            items.append(self._item(record, base.pk, unresolved))
        for model, pages in specific_by_model.items():
            insert_specific(model, pages)
        NewsPageTag.objects.bulk_create(tags)
        Revision.objects.bulk_create(revisions)
        log_imported_pages(base_pages, user=self.user)
        self._point_at_revisions([base.pk for base in base_pages])
        LegacyItem.objects.bulk_create(items)
        write_redirects([(record.url, base.pk) for record, base in zip(records, base_pages, strict=True)])

    def _revision(self, record, page, tag_ids):
        return Revision(
            content_type=self.content_types[type(page)],
            base_content_type=self.page_ct,
            object_id=str(page.pk),
            created_at=record.published,
            object_str=record.title,
            user=self.user,
            content=revision_content(page, tag_ids),
        )

    def _point_at_revisions(self, ids):
        # One UPDATE per batch instead of bulk_update's CASE over every row.
        revision = Subquery(
            Revision.objects.filter(
                base_content_type=self.page_ct, object_id=Cast(OuterRef("pk"), CharField())
            )
            .order_by("-pk")
            .values("pk")[:1]
        )
        Page.objects.filter(pk__in=ids).update(latest_revision_id=revision)
        Page.objects.filter(pk__in=ids, live=True).update(live_revision_id=F("latest_revision_id"))

    @staticmethod
    def _item(record, page_id, unresolved) -> LegacyItem:
        return LegacyItem(
            legacy_id=record.legacy_id,
            item_type=record.type,
            page_id=page_id,
            old_url=normalise_url(record.url),
            digest=record.digest,
            imported_at=datetime.datetime.now(datetime.UTC),
            concerns=list(dict.fromkeys(record.concerns)),
            needs_relations=bool(record.concerns),
            needs_links=unresolved,
            needs_index=True,
        )

    def _update(self, record, *, documents, files):
        page = Page.objects.get(pk=record.page_id).specific
        model = MODELS[record.type]
        if not isinstance(page, model):
            raise RecordError("type changed", f"{record.legacy_id}: {type(page).__name__}", field="type")
        resolve_link = self.links.resolver([record.body_html], {})
        _, values, unresolved = self._fields(
            record, documents=documents, files=files, resolve_link=resolve_link
        )
        for name, value in values.items():
            setattr(page, name, value)
        if model is NewsPage:
            page.tags.set(record.tags)
        page.save(clean=False)
        revision = self._revision(record, page, self.tag_ids(record.tags) if model is NewsPage else [])
        revision.save()
        log_imported_pages([page], action="wagtail.edit", user=self.user)
        Page.objects.filter(pk=page.pk).update(
            latest_revision=revision, live_revision=revision if page.live else None
        )
        item = self._item(record, page.pk, unresolved)
        LegacyItem.objects.filter(legacy_id=record.legacy_id).update(
            **{name: getattr(item, name) for name in ("digest", "old_url", "imported_at", "concerns")},
            **{name: getattr(item, name) for name in ("needs_relations", "needs_links", "needs_index")},
        )
        write_redirects([(record.url, page.pk)])
