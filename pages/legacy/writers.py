"""Writers: they know Wagtail. They turn batches of LegacyRecord into pages, documents, images and redirects.

Wagtail has no bulk page API, and ``add_child`` + ``save_revision().publish()`` costs tens of
queries per page. New pages are therefore written in bulk: the treebeard materialised path
(parent's path + a base-36 step of width 4), depth and ``url_path`` are computed here, the
``wagtailcore_page`` rows are bulk-inserted, then the rows of the specific table (multi-table
inheritance), then one revision per page, and finally each parent's ``numchild``. Changed items
are rare and go through the ordinary model API.
"""

import datetime
import hashlib
import io
import uuid
from collections import defaultdict
from pathlib import PurePosixPath

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from django.db import connection
from django.db.models import CharField, F, OuterRef, Subquery
from django.db.models.functions import Cast
from modelcluster.models import get_serializable_data_for_fields
from taggit.models import Tag
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Revision, Site

from cms.audit import log_imported_pages, system_user
from cms.extraction import content_hash, extract_text
from cms.models import CouncilDocument
from pages.models import (
    ActIndexPage,
    ActPage,
    CommissionDocumentPage,
    CommissionIndexPage,
    CommissionPage,
    Issuer,
    LegacyItem,
    NewsIndexPage,
    NewsPage,
    NewsPageTag,
    StandardPage,
    VideoIndexPage,
    VideoPage,
)

from .dates import KYIV
from .html import convert_html, hrefs, is_internal, rewrite_links, rich_text, stream_blocks
from .records import LegacyRecord, RecordError
from .slugs import make_slug

MODELS = {
    "news": NewsPage,
    "act": ActPage,
    "commission_document": CommissionDocumentPage,
    "video": VideoPage,
    "page": StandardPage,
}
#: The index page each type lives under, created under the home page when missing: (model, title, slug).
INDEXES = {
    "news": (NewsIndexPage, "Новини", "news"),
    "act": (ActIndexPage, "Документи", "acts"),
    "commission_document": (CommissionIndexPage, "Постійні комісії", "commissions"),
    "video": (VideoIndexPage, "Відео", "video"),
}
#: The body field of each model, and whether it is a StreamField (else a RichTextField).
BODY_FIELDS = {
    NewsPage: ("body", True),
    StandardPage: ("body", True),
    ActPage: ("body", False),
    CommissionDocumentPage: ("body", False),
}


def normalise_url(url: str) -> str:
    """The form of an old URL used for redirects and for resolving links between items."""
    return Redirect.normalise_path(url)[:255] if url else ""


def _normal_name(name: str) -> str:
    return " ".join(name.replace("«", " ").replace("»", " ").replace('"', " ").casefold().split())


class IssuerMatcher:
    """Finds our issuer for a body's name as the old site wrote it: name, short name or any alias."""

    def __init__(self):
        self.by_name = {}
        for issuer in Issuer.objects.all():
            for name in [issuer.name, issuer.short_name, *issuer.alias_list()]:
                if name:
                    self.by_name.setdefault(_normal_name(name), issuer.pk)

    def match(self, name: str) -> int | None:
        if not name:
            return None
        issuer_id = self.by_name.get(_normal_name(name))
        if issuer_id is None:
            raise RecordError("unknown issuer", f"{name!r}: add it to an issuer's other names and re-run")
        return issuer_id


class FileCache:
    """Attachment and image bytes of a batch, read once from the bundle and hashed once."""

    def __init__(self, bundle):
        self.bundle = bundle
        self.data = {}
        self.digests = {}

    def read(self, attachment) -> bytes:
        if attachment.data is not None:
            return attachment.data
        if attachment.path not in self.data:
            if self.bundle is None or not self.bundle.exists(attachment.path):
                raise RecordError("missing file", attachment.path)
            self.data[attachment.path] = self.bundle.read(attachment.path)
        return self.data[attachment.path]

    def digest(self, attachment) -> str:
        """The content hash of an attachment's bytes; the bytes are kept with it so their id stays theirs."""
        data = self.read(attachment)
        if id(data) not in self.digests:
            self.digests[id(data)] = (data, content_hash(data))
        return self.digests[id(data)][1]


class PageWriter:
    """Writes batches of records; one instance per run keeps the parents and their next child number."""

    def __init__(self, *, bundle=None, dry_run=False, legacy_hosts=None):
        self.bundle = bundle
        self.dry_run = dry_run
        self.legacy_hosts = set(
            legacy_hosts if legacy_hosts is not None else getattr(settings, "LEGACY_SITE_HOSTS", ())
        )
        self.site = Site.objects.get(is_default_site=True)
        self.home = self.site.root_page
        self.issuers = IssuerMatcher()
        self.parents = {}
        self.next_step = {}
        self.locale_id = Locale.get_default().pk if not dry_run else None
        self.page_ct = ContentType.objects.get_for_model(Page)
        self.content_types = {model: ContentType.objects.get_for_model(model) for model in MODELS.values()}
        self.tag_ids = {}
        self.pending_links = set()
        self.pending_concerns = []
        self.images_missing = 0
        self.collection_id = Collection.get_first_root_node().pk
        # Revisions and audit log entries of the import name «Система імпорту» (cms.audit).
        self.user = system_user() if not dry_run else None

    # -- parents -----------------------------------------------------------------------------------------

    def _create_child(self, parent, page):
        parent.add_child(instance=page)
        page.save_revision().publish(log_action=False)
        return Page.objects.get(pk=page.pk)

    def parent_for(self, record: LegacyRecord):
        """The page the record goes under, found or created (index pages, commissions)."""
        if record.type == "page":
            return self.home
        key = (record.type, record.commission.casefold() if record.type == "commission_document" else "")
        if key in self.parents:
            return self.parents[key]
        model, title, slug = INDEXES[record.type]
        index = model.objects.child_of(self.home).first()
        if index is None:
            if self.dry_run:
                index = None
            else:
                index = self._create_child(self.home, model(title=title, slug=slug))
        parent = index
        if record.type == "commission_document":
            parent = None
            if index is not None:
                parent = next(
                    (
                        page
                        for page in CommissionPage.objects.child_of(index)
                        if page.title.casefold() == record.commission.casefold()
                    ),
                    None,
                )
            if parent is None and not self.dry_run:
                parent = self._create_child(
                    index,
                    CommissionPage(title=record.commission, slug=self._free_slug(index, record.commission)),
                )
        if parent is not None:
            parent = Page.objects.get(pk=parent.pk)
        self.parents[key] = parent
        return parent

    def _free_slug(self, parent, title):
        base = make_slug(title)
        taken = set(
            Page.objects.child_of(parent).filter(slug__startswith=base).values_list("slug", flat=True)
        )
        slug, counter = base, 2
        while slug in taken:
            slug, counter = f"{base}-{counter}", counter + 1
        return slug

    def _next_path(self, parent) -> str:
        if parent.pk not in self.next_step:
            last = (
                Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
                .order_by("-path")
                .values_list("path", flat=True)
                .first()
            )
            self.next_step[parent.pk] = Page._str2int(last[-Page.steplen :]) + 1 if last else 1
        step = self.next_step[parent.pk]
        self.next_step[parent.pk] = step + 1
        return Page._get_path(parent.path, parent.depth + 1, step)

    # -- content ---------------------------------------------------------------------------------------------

    def _documents(self, records, files: FileCache):
        """Document id per content hash for every attachment of the records, creating the new ones."""
        by_hash = {}
        for record in records:
            for attachment in record.attachments:
                by_hash.setdefault(files.digest(attachment), (attachment, files.read(attachment)))
        existing = dict(
            CouncilDocument.objects.filter(content_hash__in=list(by_hash)).values_list("content_hash", "pk")
        )
        new = []
        for digest, (attachment, data) in by_hash.items():
            if digest in existing:
                continue
            name = PurePosixPath(attachment.path).name or "file"
            if not PurePosixPath(name).suffix and PurePosixPath(attachment.title).suffix:
                name = PurePosixPath(attachment.title).name  # Plone blobs are stored without an extension
            stored = default_storage.save(f"documents/{name}", ContentFile(data))
            new.append(
                CouncilDocument(
                    collection_id=self.collection_id,
                    title=(attachment.title or name)[:255],
                    file=stored,
                    file_size=len(data),
                    file_hash=hashlib.sha1(data).hexdigest(),
                    content_hash=digest,
                    extracted_text=extract_text(data, name),
                )
            )
        for document in CouncilDocument.objects.bulk_create(new):
            existing[document.content_hash] = document.pk
        return existing

    def _image(self, src: str, alt: str):
        """Import an image of a body from the bundle, reusing an identical one; None if it is not there."""
        path = src.split("://", 1)[-1].split("/", 1)[-1] if "://" in src else src.lstrip("/")
        if self.bundle is None or not self.bundle.exists(path):
            self.images_missing += 1
            return None
        data = self.bundle.read(path)
        image_model = get_image_model()
        sha1 = hashlib.sha1(data).hexdigest()
        image = image_model.objects.filter(file_hash=sha1).first()
        if image is None:
            image = image_model(
                title=(alt or PurePosixPath(path).name)[:255],
                file=ImageFile(io.BytesIO(data), name=PurePosixPath(path).name),
            )
            image._set_image_file_metadata()
            image.save()
        return image.pk

    def _link_resolver(self, records, batch_urls):
        """Resolve links to old URLs: items of this batch first, then items imported before, in one query."""
        wanted = set()
        for record in records:
            for href in hrefs(record.body_html):
                key = self._link_key(href)
                if key:
                    wanted.add(key)
        known = dict(batch_urls)
        missing = [key for key in wanted if key not in known]
        if missing:
            known.update(LegacyItem.objects.filter(old_url__in=missing).values_list("old_url", "page_id"))
        return lambda href: known.get(self._link_key(href))

    def _link_key(self, href):
        parts = href.split("://", 1)
        if len(parts) == 2:
            host = parts[1].split("/", 1)[0].lower()
            if host not in self.legacy_hosts:
                return None
            href = "/" + (parts[1].split("/", 1)[1] if "/" in parts[1] else "")
        elif not is_internal(href):
            return None
        return normalise_url(href)

    def _fields(self, record, *, documents, files, resolve_link):
        """Field values of the specific page for a record, and whether internal links remain unresolved."""
        model = MODELS[record.type]
        published = record.published
        values = {
            "title": record.title,
            "draft_title": record.title,
            "legacy_id": record.legacy_id,
            "live": record.live,
            "has_unpublished_changes": not record.live,
            "first_published_at": published if record.live else None,
            "last_published_at": published if record.live else None,
            "latest_revision_created_at": published,
        }
        if model is not StandardPage:
            values["date"] = published.astimezone(KYIV).date()
        if model in (NewsPage, ActPage, CommissionDocumentPage, StandardPage):
            values["attachments"] = [
                {
                    "type": "attachment",
                    "id": str(uuid.uuid4()),
                    "value": {
                        "document": documents[files.digest(attachment)],
                        "title": attachment.title,
                        "kind": "other",
                    },
                }
                for attachment in record.attachments
            ]
        unresolved = False
        if model in BODY_FIELDS:
            fragments, unresolved = convert_html(
                record.body_html, resolve_link=resolve_link, resolve_image=self._image
            )
            field, is_stream = BODY_FIELDS[model]
            values[field] = (
                [dict(block, id=str(uuid.uuid4())) for block in stream_blocks(fragments)]
                if is_stream
                else rich_text(fragments)
            )
        if model is NewsPage:
            values.update(kind=record.kind, lead=record.summary)
        elif model is ActPage:
            values.update(
                act_type=record.act_type,
                number=record.number,
                issuer_id=self.issuers.match(record.issuer),
                adopted_on=record.adopted_on,
                status=record.status,
                discussion_until=record.discussion_until,
                summary=record.summary,
            )
        elif model is CommissionDocumentPage:
            values.update(
                doc_type=record.doc_type,
                number=record.number,
                meeting_date=record.meeting_date,
                search_description=record.summary,
            )
        elif model is VideoPage:
            values.update(video_url=record.video_url, description=record.summary or record.body_html)
        elif model is StandardPage:
            values.update(search_description=record.summary)
        return model, values, unresolved

    def _tag_ids(self, names):
        missing = [name for name in names if name not in self.tag_ids]
        if missing:
            self.tag_ids.update(Tag.objects.filter(name__in=missing).values_list("name", "pk"))
            for name in missing:
                if name not in self.tag_ids:
                    self.tag_ids[name] = Tag.objects.get_or_create(name=name)[0].pk
        return [self.tag_ids[name] for name in names]

    def _revision_content(self, page, tag_ids=(), concerns=()):
        content = get_serializable_data_for_fields(page)
        content["pk"] = page.pk
        if isinstance(page, NewsPage):
            content["tagged_items"] = [
                {"pk": None, "tag": tag_id, "content_object": page.pk} for tag_id in tag_ids
            ]
        if isinstance(page, CommissionDocumentPage):
            content["concerns"] = list(concerns)
        return content

    # -- a batch -----------------------------------------------------------------------------------------

    def classify(self, records):
        """Split a batch into new, changed and unchanged records, with one query for the whole batch.

        Returns (new, changed, unchanged, failures); each record of new/changed gets ``digest`` and,
        if known, ``page_id`` as attributes.
        """
        files = FileCache(self.bundle)
        existing = {
            legacy_id: (page_id, digest)
            for legacy_id, page_id, digest in LegacyItem.objects.filter(
                legacy_id__in=[record.legacy_id for record in records]
            ).values_list("legacy_id", "page_id", "digest")
        }
        new, changed, unchanged, failures = [], [], [], []
        seen = set()
        for record in records:
            try:
                if record.legacy_id in seen:
                    raise RecordError("duplicate legacy_id", record.legacy_id)
                seen.add(record.legacy_id)
                file_digests = [files.digest(attachment) for attachment in record.attachments]
                record.digest = record.fingerprint(file_digests)
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
        return new, changed, unchanged, failures, files

    def write(self, new, changed, files):
        """Create the new records' pages in bulk and update the changed ones. Call inside a transaction."""
        records = new + changed
        documents = self._documents(records, files)
        if new:
            self._create(new, documents=documents, files=files)
        for record in changed:
            self._update(record, documents=documents, files=files)

    def _create(self, records, *, documents, files):
        now = datetime.datetime.now(datetime.UTC)
        parents = [self.parent_for(record) for record in records]
        sibling_slugs = defaultdict(set)
        wanted = defaultdict(set)
        slugs = [make_slug(record.title) for record in records]
        for parent, slug in zip(parents, slugs, strict=True):
            wanted[parent.pk].add(slug)
        for parent in {parent.pk: parent for parent in parents}.values():
            sibling_slugs[parent.pk] = set(
                Page.objects.filter(
                    path__startswith=parent.path,
                    depth=parent.depth + 1,
                    slug__in=wanted[parent.pk],
                ).values_list("slug", flat=True)
            )

        base_pages = []
        for record, parent, slug in zip(records, parents, slugs, strict=True):
            taken = sibling_slugs[parent.pk]
            if slug in taken:
                slug = f"{slug[:60]}-{make_slug(record.legacy_id, 30)}"
                base, counter = slug, 2
                while slug in taken:
                    slug, counter = f"{base}-{counter}", counter + 1
            taken.add(slug)
            model = MODELS[record.type]
            base_pages.append(
                Page(
                    title=record.title,
                    draft_title=record.title,
                    slug=slug,
                    path=self._next_path(parent),
                    depth=parent.depth + 1,
                    numchild=0,
                    url_path=f"{parent.url_path}{slug}/",
                    content_type=self.content_types[model],
                    live=record.live,
                    has_unpublished_changes=not record.live,
                    first_published_at=record.published if record.live else None,
                    last_published_at=record.published if record.live else None,
                    latest_revision_created_at=record.published,
                    locale_id=self.locale_id,
                    translation_key=uuid.uuid4(),
                )
            )
        Page.objects.bulk_create(base_pages)
        batch_urls = {
            normalise_url(record.url): page.pk
            for record, page in zip(records, base_pages, strict=True)
            if record.url
        }
        resolve_link = self._link_resolver(records, batch_urls)

        specific_by_model = defaultdict(list)
        revisions, tags = [], []
        for record, base in zip(records, base_pages, strict=True):
            model, values, unresolved = self._fields(
                record, documents=documents, files=files, resolve_link=resolve_link
            )
            page = model(
                **{
                    **{field.attname: getattr(base, field.attname) for field in Page._meta.concrete_fields},
                    **values,
                }
            )
            page.page_ptr_id = base.pk
            specific_by_model[model].append(page)
            tag_ids = self._tag_ids(record.tags) if model is NewsPage else []
            tags.extend(NewsPageTag(content_object_id=base.pk, tag_id=tag_id) for tag_id in tag_ids)
            if record.concerns:
                self.pending_concerns.append((base.pk, record.concerns))
            if unresolved:
                self.pending_links.add(base.pk)
            revisions.append(
                Revision(
                    content_type=self.content_types[model],
                    base_content_type=self.page_ct,
                    object_id=str(base.pk),
                    created_at=record.published,
                    object_str=record.title,
                    user=self.user,
                    content=self._revision_content(page, tag_ids),
                )
            )
        for model, pages in specific_by_model.items():
            self._insert_specific(model, pages)
        NewsPageTag.objects.bulk_create(tags)
        Revision.objects.bulk_create(revisions)
        log_imported_pages(base_pages, user=self.user)
        # One UPDATE per batch instead of bulk_update's CASE over every row.
        ids = [base.pk for base in base_pages]
        revision = Subquery(
            Revision.objects.filter(
                base_content_type=self.page_ct,
                object_id=Cast(OuterRef("pk"), CharField()),
            )
            .order_by("-pk")
            .values("pk")[:1]
        )
        Page.objects.filter(pk__in=ids).update(latest_revision_id=revision)
        Page.objects.filter(pk__in=ids, live=True).update(live_revision_id=F("latest_revision_id"))

        counts = defaultdict(int)
        for parent in parents:
            counts[parent.pk] += 1
        for parent_id, count in counts.items():
            Page.objects.filter(pk=parent_id).update(numchild=F("numchild") + count)
        LegacyItem.objects.bulk_create(
            [
                LegacyItem(
                    legacy_id=record.legacy_id,
                    item_type=record.type,
                    page_id=base.pk,
                    old_url=normalise_url(record.url),
                    digest=record.digest,
                    imported_at=now,
                )
                for record, base in zip(records, base_pages, strict=True)
            ]
        )
        self._redirects([(record.url, base.pk) for record, base in zip(records, base_pages, strict=True)])

    @staticmethod
    def _insert_specific(model, pages):
        # bulk_create refuses multi-table inheritance; insert the child table's own columns directly.
        fields = model._meta.local_concrete_fields
        size = connection.ops.bulk_batch_size(fields, pages) or len(pages)
        for start in range(0, len(pages), size):
            model._base_manager._insert(pages[start : start + size], fields=fields)

    def _update(self, record, *, documents, files):
        page = Page.objects.get(pk=record.page_id).specific
        model = MODELS[record.type]
        if not isinstance(page, model):
            raise RecordError("type changed", f"{record.legacy_id} was imported as {type(page).__name__}")
        resolve_link = self._link_resolver([record], {})
        _, values, unresolved = self._fields(
            record, documents=documents, files=files, resolve_link=resolve_link
        )
        for name, value in values.items():
            setattr(page, name, value)
        if model is NewsPage:
            page.tags.set(record.tags)
        page.save(clean=False)
        if record.concerns:
            self.pending_concerns.append((page.pk, record.concerns))
        if unresolved:
            self.pending_links.add(page.pk)
        revision = Revision.objects.create(
            content_type=self.content_types[model],
            base_content_type=self.page_ct,
            object_id=str(page.pk),
            created_at=record.published,
            object_str=record.title,
            user=self.user,
            content=self._revision_content(page, self._tag_ids(record.tags) if model is NewsPage else []),
        )
        log_imported_pages([page], action="wagtail.edit", user=self.user)
        Page.objects.filter(pk=page.pk).update(
            latest_revision=revision, live_revision=revision if page.live else None
        )
        LegacyItem.objects.filter(legacy_id=record.legacy_id).update(
            digest=record.digest,
            old_url=normalise_url(record.url),
            imported_at=datetime.datetime.now(datetime.UTC),
        )
        self._redirects([(record.url, page.pk)])

    def _redirects(self, pairs):
        """A permanent redirect from each old URL to its page, created or pointed at the page."""
        wanted = {normalise_url(url): page_id for url, page_id in pairs if url and normalise_url(url) != "/"}
        existing = {
            redirect.old_path: redirect
            for redirect in Redirect.objects.filter(site__isnull=True, old_path__in=list(wanted))
        }
        new = []
        for path, page_id in wanted.items():
            redirect = existing.get(path)
            if redirect is None:
                new.append(Redirect(old_path=path, site=None, redirect_page_id=page_id, is_permanent=True))
            elif redirect.redirect_page_id != page_id:
                redirect.redirect_page_id = page_id
                redirect.save()
        Redirect.objects.bulk_create(new)

    # -- after all batches --------------------------------------------------------------------------------

    def finish(self):
        """Resolve what needed items imported later: links between items and commission documents' acts."""
        through = CommissionDocumentPage.concerns.through
        for start in range(0, len(self.pending_concerns), 500):
            chunk = self.pending_concerns[start : start + 500]
            wanted = {legacy_id for _, ids in chunk for legacy_id in ids}
            acts = dict(
                LegacyItem.objects.filter(legacy_id__in=wanted, item_type="act").values_list(
                    "legacy_id", "page_id"
                )
            )
            alive = set(
                CommissionDocumentPage.objects.filter(pk__in=[page_id for page_id, _ in chunk]).values_list(
                    "pk", flat=True
                )
            )
            chunk = [(page_id, ids) for page_id, ids in chunk if page_id in alive]
            through.objects.filter(commissiondocumentpage_id__in=alive).delete()
            through.objects.bulk_create(
                [
                    through(commissiondocumentpage_id=page_id, actpage_id=acts[legacy_id])
                    for page_id, ids in chunk
                    for legacy_id in dict.fromkeys(ids)
                    if legacy_id in acts
                ]
            )
        self.pending_concerns = []

        pending = sorted(self.pending_links)
        for start in range(0, len(pending), 200):
            for page in Page.objects.filter(pk__in=pending[start : start + 200]).specific():
                self._relink(page)
        self.pending_links = set()

    def _relink(self, page):
        field, is_stream = BODY_FIELDS[type(page)]
        raw = getattr(page, field).raw_data if is_stream else getattr(page, field)
        keys = [self._link_key(href) for href in hrefs(str(raw))]
        known = dict(
            LegacyItem.objects.filter(old_url__in=[key for key in keys if key]).values_list(
                "old_url", "page_id"
            )
        )
        resolve = lambda href: known.get(self._link_key(href))  # noqa: E731
        if is_stream:
            value = [dict(block) for block in raw]
            for block in value:
                if block["type"] == "paragraph":
                    block["value"] = rewrite_links(block["value"], resolve)[0]
        else:
            value = rewrite_links(raw, resolve)[0]
        setattr(page, field, value)
        type(page).objects.filter(pk=page.pk).update(**{field: getattr(page, field)})
        revision = page.latest_revision
        if revision is not None:
            revision.content[field] = get_serializable_data_for_fields(page)[field]
            revision.save(update_fields=["content"])
