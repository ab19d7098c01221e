"""What an import leaves in a database, without the ids and times that legitimately differ between runs.

Every row is read with plain SQL (so the database need not be the test's own) and every reference
to a page, document, image, issuer, tag or content type is replaced by a stable key: the page's
``url_path``, the document's content hash, the image's file hash, the issuer's slug, the tag's name.
"""

import json
import re

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
#: A rich-text link to a page, its attributes in either order (``<a id="29" linktype="page">``).
PAGE_LINK = re.compile(r'<a\b[^>]*\blinktype="page"[^>]*>')
LINK_ID = re.compile(r'\bid="(\d+)"')
#: Columns whose values differ between two runs of the same import and say nothing of its result.
VOLATILE = {
    "id",
    "translation_key",
    "imported_at",
    "created_at",
    "latest_revision_created_at",
    "first_published_at",
    "last_published_at",
    "file",
    "latest_revision_id",
    "live_revision_id",
    "pk",
    "latest_revision",
    "live_revision",
}
TABLES = {
    "pages": "wagtailcore_page",
    "acts": "pages_actpage",
    "news": "pages_newspage",
    "commission documents": "pages_commissiondocumentpage",
    "commissions": "pages_commissionpage",
    "standard pages": "pages_standardpage",
    "videos": "pages_videopage",
    "postings": "search_posting",
    "relations": "pages_commissiondocumentpage_concerns",
    "redirects": "wagtailredirects_redirect",
    "documents": "cms_councildocument",
    "legacy items": "pages_legacyitem",
    "tags": "pages_newspagetag",
    "revisions": "wagtailcore_revision",
    "issuers": "pages_issuer",
}


def _rows(connection, sql):
    cursor = connection.cursor()
    cursor.execute(sql)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


class Keys:
    def __init__(self, connection):
        def mapping(sql):
            return {str(row[0]): row[1] for row in (tuple(r.values()) for r in _rows(connection, sql))}

        self.page = mapping("SELECT id, url_path FROM wagtailcore_page")
        self.document = mapping("SELECT id, content_hash FROM cms_councildocument")
        self.image = mapping("SELECT id, file_hash FROM wagtailimages_image")
        self.issuer = mapping("SELECT id, slug FROM pages_issuer")
        self.tag = mapping("SELECT id, name FROM taggit_tag")
        self.content_type = {
            str(row["id"]): f"{row['app_label']}.{row['model']}"
            for row in _rows(connection, "SELECT id, app_label, model FROM django_content_type")
        }

    def column(self, name, value):
        if value is None:
            return None
        lookups = {
            "page_id": self.page,
            "page_ptr_id": self.page,
            "content_object_id": self.page,
            "commissiondocumentpage_id": self.page,
            "actpage_id": self.page,
            "redirect_page_id": self.page,
            "object_id": self.page,
            "issuer_id": self.issuer,
            "tag_id": self.tag,
            "content_type_id": self.content_type,
            "base_content_type_id": self.content_type,
        }
        if name in lookups:
            return lookups[name].get(str(value), f"? {value}")
        return self.value(value)

    def value(self, value):
        if isinstance(value, bool):
            return int(value)
        if isinstance(value, str):
            if value[:1] in "[{":
                try:
                    return self.value(json.loads(value))
                except ValueError:
                    pass
            return PAGE_LINK.sub(self._link, value)
        if isinstance(value, list):
            return [self.value(item) for item in value]
        if isinstance(value, dict):
            return {key: self._entry(key, item) for key, item in value.items() if key not in VOLATILE}
        return value

    def _link(self, match):
        """A page link with the target's ``url_path`` in place of its id."""
        return LINK_ID.sub(lambda found: f'page="{self.page.get(found[1])}"', match[0])

    def _entry(self, key, value):
        if key == "id" or (isinstance(value, str) and UUID.match(value)):
            return "uuid"
        lookups = (
            ("document", self.document),
            ("image", self.image),
            ("issuer", self.issuer),
            ("tag", self.tag),
        )
        for name, lookup in lookups:
            if key == name and isinstance(value, int):
                return lookup.get(str(value))
        if key in ("content_object", "page") and isinstance(value, int):
            return self.page.get(str(value))
        return self.value(value)


def snapshot(connection) -> dict[str, list]:
    """Every table an import writes, as sorted lists of rows of stable values."""
    keys = Keys(connection)
    result = {}
    for label, table in TABLES.items():
        rows = [
            json.dumps(
                {name: keys.column(name, value) for name, value in row.items() if name not in VOLATILE},
                sort_keys=True,
                default=str,
                ensure_ascii=False,
            )
            for row in _rows(connection, f"SELECT * FROM {table}")
        ]
        result[label] = sorted(rows)
    return result
