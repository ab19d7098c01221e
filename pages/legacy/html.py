"""Legacy HTML to clean Wagtail rich text: Word and inline-style noise out; structure and links kept.

``convert_html`` returns fragments (rich-text HTML, tables, images) so that a StreamField body can
give each table its own TableBlock, while a RichTextField body joins them back (see docs/import.md).
"""

import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import nh3
from bs4 import BeautifulSoup, NavigableString

ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "b",
    "i",
    "ul",
    "ol",
    "li",
    "a",
    "hr",
    "img",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "caption",
}
#: Tags removed with everything inside them.
CLEAN_CONTENT_TAGS = {"script", "style", "xml", "template", "noscript"}
RENAMES = {"h1": "h2", "h5": "h4", "h6": "h4", "strong": "b", "em": "i"}
_HREF = re.compile(r"""href\s*=\s*["']([^"']+)["']""", re.IGNORECASE)


@dataclass
class Fragment:
    """A piece of a converted body: ``kind`` is ``html``, ``table`` (``rows``, ``header``) or ``image``."""

    kind: str
    html: str = ""
    rows: list | None = None
    header: bool = False
    image_id: int | None = None
    alt: str = ""


def _rename(html: str) -> str:
    # nh3 drops tags it does not allow; rename the ones we keep under another name first.
    for old, new in RENAMES.items():
        html = re.sub(rf"<(/?){old}(\s|>|/)", rf"<\1{new}\2", html, flags=re.IGNORECASE)
    return html


def sanitise(html: str) -> str:
    """Only the allowed tags and attributes: styles, classes, ``<font>``, ``<span>``, ``<o:p>`` go."""
    return nh3.clean(
        _rename(html or ""),
        tags=ALLOWED_TAGS,
        attributes={
            "a": {"href"},
            "img": {"src", "alt"},
            "td": {"colspan", "rowspan"},
            "th": {"colspan", "rowspan"},
        },
        link_rel=None,
        # Dropped with their content: Word's document settings (``<xml><w:WordDocument><w:View>Normal``…)
        # would otherwise leave «Normal 0 false false false UK» at the top of the text.
        clean_content_tags=CLEAN_CONTENT_TAGS,
        strip_comments=True,
        url_schemes={"http", "https", "mailto", "tel"},
    )


def hrefs(html: str) -> list[str]:
    """Every link target in the HTML, for resolving a batch's links to other items in one query."""
    return _HREF.findall(html or "")


def _is_empty(tag) -> bool:
    if tag.get_text(strip=True).replace("\xa0", ""):
        return False
    return tag.find(["img", "embed"]) is None


def _rewrite_links(soup, resolve_link) -> bool:
    """Point links at imported items to their pages; True if some internal link is still unresolved."""
    unresolved = False
    for anchor in soup.find_all("a"):
        if anchor.get("linktype"):
            continue  # rewritten already (a body is rewritten again while some of its links wait)
        href = anchor.get("href")
        if not href:
            anchor.unwrap()
            continue
        page_id = resolve_link(href)
        if page_id:
            anchor.attrs = {"linktype": "page", "id": str(page_id)}
        elif is_internal(href):
            unresolved = True
    return unresolved


_HREF_ATTRIBUTE = re.compile(r"""(\bhref\s*=\s*)(["'])([^"']*)\2""", re.IGNORECASE)


def absolute_links(html: str, url: str) -> str:
    """Relative links of a body made root-relative against the old page's own address ``url``.

    On the old site ``3.html`` in the body of ``/news/2019/2.html`` meant ``/news/2019/3.html``; read
    without its page it would mean ``/3.html``, another item or none; ``?id=5`` in the body of
    ``/index.php?id=4`` meant ``/index.php?id=5``. Root-relative (``/…``) and
    absolute links, anchors and other schemes are left as they are; so is every link when the item
    has no old address.
    """
    base = urlsplit(url or "").path
    if not html or not base.startswith("/"):
        return html or ""

    def join(match):
        prefix, quote, href = match.groups()
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith(("/", "#")) or not (parts.path or parts.query):
            return match.group(0)
        return f"{prefix}{quote}{urljoin(base, href)}{quote}"

    return _HREF_ATTRIBUTE.sub(join, html)


def is_internal(href: str) -> bool:
    """A link into the old site itself (a path), as opposed to another site or an e-mail address."""
    parts = urlsplit(href)
    return not parts.scheme and not parts.netloc and bool(parts.path) and not href.startswith("#")


class _FragmentBuilder:
    """Collects the top-level nodes of a cleaned body into fragments: rich text, tables, images."""

    def __init__(self, soup, resolve_image):
        self.soup = soup
        self.resolve_image = resolve_image
        self.fragments: list[Fragment] = []
        self.pending: list[str] = []
        self.loose: list[str] = []

    def flush_loose(self):
        text = "".join(self.loose).strip()
        self.loose.clear()
        if text:
            self.pending.append(f"<p>{text}</p>")

    def flush(self):
        self.flush_loose()
        if self.pending:
            self.fragments.append(Fragment("html", html="".join(self.pending)))
            self.pending.clear()

    def images(self, node):
        """Import the node's images: a standalone image becomes a fragment, an inline one an embed."""
        for image in [node] if node.name == "img" else node.find_all("img"):
            image_id = self.resolve_image(image.get("src", ""), image.get("alt", ""))
            if image_id and node.name == "img":
                self.flush()
                self.fragments.append(Fragment("image", image_id=image_id, alt=image.get("alt", "")))
            elif image_id:
                attrs = {
                    "embedtype": "image",
                    "id": str(image_id),
                    "format": "fullwidth",
                    "alt": image.get("alt", ""),
                }
                image.replace_with(self.soup.new_tag("embed", attrs=attrs))
            elif image is node:
                self.loose.append(image.get("alt", ""))  # a standalone image not found: its alt text stays
            else:
                image.replace_with(image.get("alt", ""))

    def table(self, node):
        self.flush()
        rows = [
            [cell.get_text(" ", strip=True) for cell in row.find_all(["td", "th"])]
            for row in node.find_all("tr")
        ]
        rows = [row for row in rows if any(row)]
        if rows:
            first = node.find("tr")
            header = bool(first and first.find("th") is not None)
            self.fragments.append(Fragment("table", html=str(node), rows=rows, header=header))

    def add(self, node):
        if isinstance(node, NavigableString):
            self.loose.append(str(node).replace("\n", " ") if str(node).strip() else " ")
            return
        if node.name in ("b", "i", "a", "br"):
            self.loose.append(str(node))
            return
        self.flush_loose()
        self.images(node)
        if node.name == "img":
            return
        if node.name == "table":
            self.table(node)
        elif node.name in ("td", "th", "tr", "tbody", "thead", "tfoot", "caption"):
            node.unwrap()
        elif not _is_empty(node) or node.name == "hr":
            self.pending.append(str(node))


def convert_html(html: str, *, resolve_link=lambda href: None, resolve_image=lambda src, alt: None):
    """Clean legacy HTML into fragments, and whether it has internal links still to resolve.

    ``resolve_link(href)`` returns a page id for a link to an imported item; ``resolve_image(src, alt)``
    imports an image and returns its id (None drops the image, keeping its alt text).
    """
    # nh3 has already removed comments, scripts and unknown tags; lxml parses the rest fastest.
    soup = BeautifulSoup(sanitise(html), "lxml")
    root = soup.body or soup
    unresolved = _rewrite_links(soup, resolve_link)
    for tag in root.find_all(["p", "li", "h2", "h3", "h4", "b", "i"]):
        if _is_empty(tag):
            tag.decompose()
    builder = _FragmentBuilder(soup, resolve_image)
    for node in list(root.contents):
        builder.add(node)
    builder.flush()
    return builder.fragments, unresolved


def rewrite_links(html: str, resolve_link) -> tuple[str, bool]:
    """Rewrite links in already clean rich text (the final pass for links to items imported later)."""
    soup = BeautifulSoup(html, "html.parser")
    unresolved = _rewrite_links(soup, resolve_link)
    return str(soup), unresolved


def rich_text(fragments) -> str:
    """Fragments joined into one RichTextField value; tables stay plain HTML tables (see docs/import.md)."""
    parts = []
    for fragment in fragments:
        if fragment.kind == "image":
            parts.append(
                f'<embed embedtype="image" id="{fragment.image_id}" format="fullwidth" alt="{fragment.alt}"/>'
            )
        else:
            parts.append(fragment.html)
    return "".join(parts)


def stream_blocks(fragments) -> list[dict]:
    """Fragments as raw StreamField data of BodyBlock: paragraph, table (TableBlock) and image blocks."""
    blocks = []
    for fragment in fragments:
        if fragment.kind == "html":
            blocks.append({"type": "paragraph", "value": fragment.html})
        elif fragment.kind == "table":
            width = max(len(row) for row in fragment.rows)
            data = [row + [""] * (width - len(row)) for row in fragment.rows]
            blocks.append(
                {
                    "type": "table",
                    "value": {
                        "data": data,
                        "first_row_is_table_header": fragment.header,
                        "first_col_is_header": False,
                        "table_caption": "",
                    },
                }
            )
        elif fragment.kind == "image":
            blocks.append({"type": "image", "value": {"image": fragment.image_id, "caption": fragment.alt}})
    return blocks
