"""A polite HTTP client for reading media sites: one place for every rule of good manners.

Timeouts, a User-Agent that says who we are, conditional GET, a delay between requests to one host,
retries with exponential back-off on network errors and 5xx answers, robots.txt (read through this
same client), a cap on the body size (the body is streamed and dropped past the cap) and the text
decoded by the declared charset, the page's ``<meta charset>`` or, failing both, detection.
"""

import codecs
import re
import ssl
import time
import urllib.robotparser
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import charset_normalizer
import httpx
from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

USER_AGENT = "radasite-monitoring/1.0 (Nizhyn city council media monitoring; +https://nizhynrada.gov.ua/)"
#: Answers worth asking again: the server's trouble, not ours.
RETRY_STATUSES = frozenset({500, 502, 503, 504})
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.IGNORECASE)
_XML_PROLOG = re.compile(rb"""^(\s*<\?xml[^>]*?encoding\s*=\s*["'])([\w.:-]+)(["'])""")


class FetchError(Exception):
    """A resource could not be read; the message says why, in Ukrainian, for the source's last error.

    ``status`` is the HTTP status of the answer that failed (None when there was no answer);
    ``template`` and ``params`` let the same failure be told again of another address."""

    def __init__(self, message: str, *, status: int | None = None, template=None, params=None):
        super().__init__(message)
        self.status = status
        self.template = template
        self.params = params or {}

    def about(self, url: str) -> "FetchError":
        """The same failure, told of ``url`` (a page of a host whose robots.txt could not be read)."""
        redirected = self.params.get("origin", self.params.get("url")) != self.params.get("url")
        if self.template is None or "url" not in self.params or redirected:
            return self  # a redirected failure names both addresses as they were
        return fetch_error(self.template, **{**self.params, "url": url, "status": self.status})


def fetch_error(message, **params) -> FetchError:
    """A ``FetchError`` whose message is written in Ukrainian whatever language is active: it is stored
    on the source and read by the editors (a cron run or a task worker may have no language set).
    ``params`` fill the message; ``status`` among them is also kept as the error's HTTP status."""
    with translation.override("uk"):
        text = str(message) % params
    return FetchError(text, status=params.get("status"), template=message, params=params)


def http_error(status: int, url: str) -> FetchError:
    if status == 404 or status == 410:
        message = _("The page was not found (HTTP %(status)s): %(url)s")
    elif status >= 500:
        message = _("The site's server failed (HTTP %(status)s): %(url)s")
    else:
        message = _("The site refused the request (HTTP %(status)s): %(url)s")
    return fetch_error(message, status=status, url=url)  # status fills the message and is kept


def _tls_failure(error: BaseException) -> bool:
    """Whether an ``httpx`` error comes from the TLS handshake (its causes hold an ``ssl.SSLError``)."""
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, ssl.SSLError):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def _failed_url(error: httpx.TransportError, url: str) -> str:
    """The address whose request failed: after redirects, not the one asked for (that one as given,
    not as httpx writes it, when there was no redirect)."""
    try:
        failed = error.request.url
    except RuntimeError:  # an error raised without its request
        return url
    return url if failed == httpx.URL(url) else str(failed)


def network_error(error: httpx.TransportError, url: str, timeout) -> FetchError:
    """The failure told of the address that failed; one reached through redirects (http to https…)
    names the address asked for too, so the editor sees where the source's address leads."""
    failed = _failed_url(error, url)
    if isinstance(error, httpx.TimeoutException):
        message = _("The site did not answer within %(seconds)s s: %(url)s")
    elif isinstance(error, httpx.ConnectError) and _tls_failure(error):
        message = _("A secure connection (HTTPS) to the site could not be made: %(url)s")
    elif isinstance(error, httpx.ConnectError):
        message = _("The site is unreachable (the connection failed): %(url)s")
    else:
        message = _("A network error (%(name)s) while reading %(url)s")
    if failed != url:
        message = format_lazy("{} {}", message, _("(redirected from %(origin)s)"))
    return fetch_error(message, url=failed, origin=url, seconds=f"{timeout:g}", name=type(error).__name__)


@dataclass
class Page:
    """What a GET brought back: the final address, the body, and the validators for the next time."""

    url: str
    status: int
    content: bytes = b""
    headers: dict = field(default_factory=dict)

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def etag(self) -> str:
        return self.headers.get("etag", "")

    @property
    def last_modified(self) -> str:
        return self.headers.get("last-modified", "")

    @property
    def text(self) -> str:
        return decode(self.content, self.headers.get("content-type", ""))


def is_utf8_text(content: bytes) -> bool:
    """Whether the bytes are UTF-8 with letters beyond ASCII: then they are UTF-8, whatever is declared.

    Text in a single-byte Cyrillic charset (windows-1251, KOI8-U) is practically never valid UTF-8 (a
    letter is a byte of 0xC0 and above, which UTF-8 must follow by a byte below 0xC0); so valid UTF-8
    declared as windows-1251 is a wrong declaration, and reading it as declared would garble it."""
    if content.isascii():
        return False
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def reads_as(content: bytes, encoding: str) -> bool:
    """Whether ``encoding`` is right for the bytes: they decode in it, and they are not UTF-8 text
    declared as a single-byte charset (``is_utf8_text``)."""
    try:
        content.decode(encoding)
        name = codecs.lookup(encoding).name
    except (LookupError, UnicodeDecodeError):
        return False
    return name == "utf-8" or not is_utf8_text(content)


def decode(content: bytes, content_type: str = "") -> str:
    """The body as text: the charset the server declares, else the page's own, else a detected one
    (a declared charset the bytes do not fit, see ``reads_as``, is passed over)."""
    # The parameter may be quoted (RFC 9110: ``charset="windows-1251"``).
    declared = re.search(r"""charset\s*=\s*["']?([\w-]+)""", content_type, re.IGNORECASE)
    candidates = [declared.group(1) if declared else None]
    meta = _META_CHARSET.search(content[:4096])
    candidates.append(meta.group(1).decode("ascii") if meta else None)
    for encoding in filter(None, candidates):
        if reads_as(content, encoding):
            return content.decode(encoding)
    if is_utf8_text(content):
        return content.decode("utf-8")
    best = charset_normalizer.from_bytes(content).best()
    return str(best) if best is not None else content.decode("utf-8", errors="replace")


def xml_bytes(content: bytes, content_type: str = "") -> bytes:
    """An XML document (a feed) as its parser should read it: unchanged when the bytes are in the
    encoding the prolog declares (UTF-8 when it declares none); otherwise, as a windows-1251 feed
    declared UTF-8 or the reverse, decoded by ``decode`` and given back as UTF-8, its prolog saying so.

    The parser trusts the prolog and, when the bytes do not fit it, falls back to windows-1252:
    the Cyrillic titles would be stored as «Íîâèíà»."""
    prolog = _XML_PROLOG.match(content)
    declared = prolog.group(2).decode("ascii") if prolog else "utf-8"
    if reads_as(content, declared):
        return content
    return _XML_PROLOG.sub(rb"\g<1>utf-8\g<3>", decode(content, content_type).encode("utf-8"), count=1)


class PoliteClient:
    """An ``httpx.Client`` with the monitoring's manners; use it as a context manager."""

    def __init__(
        self,
        *,
        timeout: float = 15.0,
        total_timeout: float | None = None,
        max_bytes: int = 5_000_000,
        host_delay: float = 2.0,
        retries: int = 2,
        backoff: float = 1.0,
        max_redirects: int = 5,
        user_agent: str = USER_AGENT,
        sleep=time.sleep,
        clock=time.monotonic,
    ):
        self.max_bytes = max_bytes
        self.host_delay = host_delay
        self.retries = retries
        self.backoff = backoff
        self.user_agent = user_agent
        self.sleep = sleep
        self.clock = clock
        self.timeout = timeout
        #: The whole answer (headers and body) must have come by then: ``timeout`` bounds each wait
        #: only, and a server sending a byte at a time would otherwise hold the run for ever.
        self.total_timeout = total_timeout if total_timeout is not None else 4 * timeout
        self.robots: dict[str, urllib.robotparser.RobotFileParser] = {}
        #: Why a host's robots.txt could not be read (the host is then skipped for the run).
        self.unreachable: dict[str, FetchError] = {}
        self.last_request: dict[str, float] = {}
        self.http = httpx.Client(
            timeout=timeout,
            follow_redirects=True,
            max_redirects=max_redirects,
            headers={"User-Agent": user_agent},
        )

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def close(self):
        self.http.close()

    def get(self, url: str, *, etag: str = "", last_modified: str = "") -> Page:
        """GET ``url`` if robots.txt allows it, conditionally when validators are given."""
        if not self.allowed(url):
            unreachable = self.unreachable.get(_origin(url))
            if unreachable is not None:
                # Told as what it is (the site is down, it answers 500…), of the address asked for.
                raise unreachable.about(url)
            raise fetch_error(_("The site's robots.txt disallows reading %(url)s"), url=url)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self.request(url, headers=headers)

    def longest_get(self) -> float:
        """About the longest one ``get`` takes, in seconds: robots.txt of a new host, then the page,
        each tried ``retries`` + 1 times (the host delay, the connection and headers within ``timeout``,
        the body within ``total_timeout``) with the back-offs between. Headers dripped a byte at a time
        are bounded per wait only, so this is a fair bound, not a guarantee."""
        attempt = self.host_delay + self.timeout + self.total_timeout
        backoffs = self.backoff * (2**self.retries - 1)
        return 2 * ((self.retries + 1) * attempt + backoffs)

    def request(self, url: str, *, headers: dict | None = None) -> Page:
        """GET with the host delay, retries and the size cap, robots.txt aside."""
        for attempt in range(self.retries + 1):
            last = attempt == self.retries
            self.wait_for_host(url)
            try:
                page = self.read(url, headers or {})
            except httpx.TooManyRedirects as error:
                raise fetch_error(
                    _("Too many redirects (perhaps a redirect loop): %(url)s"), url=url
                ) from error
            except httpx.TransportError as error:
                if last:
                    raise network_error(error, url, self.timeout) from error
            else:
                if page.status not in RETRY_STATUSES:
                    if page.status >= 400:
                        raise http_error(page.status, url)
                    return page
                if last:
                    raise http_error(page.status, url)
            self.sleep(self.backoff * 2**attempt)
        raise AssertionError("unreachable")

    def read(self, url: str, headers: dict) -> Page:
        """One streamed GET; a body past ``max_bytes``, or still coming after ``total_timeout``
        seconds, is abandoned and raises ``FetchError``."""
        deadline = self.clock() + self.total_timeout
        with self.http.stream("GET", url, headers=headers) as response:
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.max_bytes:
                raise self.too_big(url)
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > self.max_bytes:
                    raise self.too_big(url)
                if self.clock() > deadline:
                    raise fetch_error(
                        _("The answer took over %(seconds)s s; reading was stopped: %(url)s"),
                        seconds=f"{self.total_timeout:g}",
                        url=url,
                    )
                chunks.append(chunk)
            return Page(
                url=str(response.url),
                status=response.status_code,
                content=b"".join(chunks),
                headers={key.lower(): value for key, value in response.headers.items()},
            )

    def too_big(self, url: str) -> FetchError:
        return fetch_error(
            _("The answer is over %(limit)s bytes; reading was stopped: %(url)s"),
            limit=self.max_bytes,
            url=url,
        )

    def wait_for_host(self, url: str):
        host = urlsplit(url).netloc
        previous = self.last_request.get(host)
        if previous is not None:
            remaining = previous + self.host_delay - self.clock()
            if remaining > 0:
                self.sleep(remaining)
        self.last_request[host] = self.clock()

    def allowed(self, url: str) -> bool:
        """Whether robots.txt of the host lets our User-Agent read ``url`` (read once per host).

        As RFC 9309 says: no robots.txt (4xx) allows everything; an unreachable one (5xx, network)
        disallows everything for this run."""
        origin = _origin(url)
        if origin not in self.robots:
            parser = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
            try:
                page = self.request(origin + "/robots.txt")
            except FetchError as error:
                if error.status is not None and 400 <= error.status < 500:
                    parser.allow_all = True
                else:
                    parser.disallow_all = True
                    self.unreachable[origin] = error
            else:
                parser.parse(page.text.splitlines())
            self.robots[origin] = parser
        return self.robots[origin].can_fetch(self.user_agent, url)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
