"""A crawl of the admin as one user sees it: every screen reachable by a link, each kind once.

Screens are told apart by the shape of their path (numbers stand for any object), so the crawl reads
one edit form of each model rather than all of them; ``seeds`` add the screens a shape would merge (the
edit form of each page type shares one path shape). Only GET requests are made: Wagtail performs its
actions on POST, and its GET screens of destructive actions only ask for confirmation.
"""

import json
import re
from collections import deque
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin, urlsplit

from bs4 import BeautifulSoup

from .visible_text import untranslated, visible_texts

ADMIN = "/admin/"
#: Links the crawl does not follow: leaving the session, and public pages rendered inside the admin.
SKIPPED = re.compile(
    r"^/admin/(?:logout/|jsi18n/|api/|.*?/preview/|.*?/view_draft/|pages/\d+/revisions/\d+/view/|"
    r"sprite-[0-9a-f]+/)"
)
_NUMBER = re.compile(r"/\d+(?=/|$)")
#: Attributes that carry admin URLs fetched by links or by the admin's script (listing refresh, choosers).
URL_ATTRIBUTES = ("href", "data-url", "data-w-swap-src-value", "data-chooser-url", "action")


def shape(path: str) -> str:
    """The path with every number replaced: one edit form stands for all objects of its model."""
    return _NUMBER.sub("/N", path)


@dataclass
class Crawl:
    """What a crawl saw: the screens read, the English on each, the files offered for download."""

    visited: list[str] = field(default_factory=list)
    english: dict[str, list[str]] = field(default_factory=dict)
    failures: dict[str, int] = field(default_factory=dict)
    downloads: list[str] = field(default_factory=list)
    exports: list[str] = field(default_factory=list)
    external: dict[str, list[str]] = field(default_factory=dict)

    def report(self) -> str:
        """The English found, each text once with the first screen it was seen on."""
        first_seen = {}
        for url, texts in self.english.items():
            for text in texts:
                first_seen.setdefault(text, url)
        return "\n".join(f"{url}: {text!r}" for text, url in first_seen.items())


_ABSOLUTE = re.compile(r"""(?:https?:)?//[A-Za-z0-9.-]+\.[A-Za-z]{2,}[^\s"'<>)]*""")


def other_hosts(html: str) -> list[str]:
    """Absolute URLs of other hosts in the screen's links, sources, forms, styles and inline scripts.

    XML namespaces (``http://www.w3.org/2000/svg``) name no resource and are left out.
    """
    soup = BeautifulSoup(html, "lxml")
    values = [script.string or "" for script in soup.find_all(["script", "style"])]
    for element in soup.find_all(True):
        values.extend(value for name, value in element.attrs.items() if isinstance(value, str))
        values.extend(" ".join(value) for value in element.attrs.values() if isinstance(value, list))
    urls = []
    for value in values:
        for url in _ABSOLUTE.findall(value):
            if "www.w3.org/" not in url and url not in urls:
                urls.append(url)
    return urls


def _html_of(response) -> str | None:
    content_type = response.headers.get("Content-Type", "")
    if content_type.startswith("text/html"):
        return response.content.decode()
    if content_type.startswith("application/json"):
        # Choosers and listing refreshes answer with the HTML inside JSON.
        data = json.loads(response.content)
        if isinstance(data, dict) and isinstance(data.get("html"), str):
            return data["html"]
    return None


def _sidebar_urls(value):
    """The menu's URLs in the sidebar's JSON (the menu is drawn by the admin's script)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "url" and isinstance(item, str):
                yield item
            else:
                yield from _sidebar_urls(item)
    elif isinstance(value, list):
        for item in value:
            yield from _sidebar_urls(item)


def admin_links(html: str, base: str) -> list[str]:
    """The admin URLs a screen links to or fetches, without fragments."""
    soup = BeautifulSoup(html, "lxml")
    links = []
    sidebar = soup.find("script", id="wagtail-sidebar-props")
    if sidebar is not None:
        links.extend(_sidebar_urls(json.loads(sidebar.string)))
    for element in soup.find_all(True):
        for attribute in URL_ATTRIBUTES:
            value = element.get(attribute)
            if not isinstance(value, str) or not value or value.startswith(("#", "javascript:", "mailto:")):
                continue
            if attribute == "action" and (element.get("method") or "get").lower() != "get":
                continue
            url, _fragment = urldefrag(urljoin(base, value))
            parts = urlsplit(url)
            if parts.netloc in ("", "testserver") and parts.path.startswith(ADMIN):
                links.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return links


def _is_export(link: str) -> bool:
    query = urlsplit(link).query
    return "export=" in query or "export_format=" in query


def crawl(client, seeds=(), limit=2000) -> Crawl:
    """Read every admin screen reachable from the dashboard and ``seeds``, each path shape once."""
    result = Crawl()
    queue = deque([ADMIN, *seeds])
    seen_shapes = set()
    seen_urls = set()
    while queue and len(result.visited) < limit:
        url = queue.popleft()
        path = urlsplit(url).path
        is_seed = url in seeds
        if url in seen_urls or SKIPPED.match(path) or (shape(path) in seen_shapes and not is_seed):
            continue
        seen_urls.add(url)
        seen_shapes.add(shape(path))
        response = client.get(url)
        result.visited.append(url)
        if response.status_code in (301, 302):
            queue.append(response.url)
            continue
        if response.status_code != 200:
            result.failures[url] = response.status_code
            continue
        html = _html_of(response)
        if html is None:
            result.downloads.append(url)
            continue
        english = untranslated(visible_texts(html))
        if english:
            result.english[url] = english
        external = other_hosts(html)
        if external:
            result.external[url] = external
        links = admin_links(html, url)
        result.exports.extend(link for link in links if _is_export(link) and link not in result.exports)
        queue.extend(links)
    return result
