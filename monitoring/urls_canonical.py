"""Canonical article addresses, so that one article reached by several links is stored once."""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

#: Query parameters that only track where a reader came from.
TRACKING_PARAMETERS = frozenset({"fbclid", "gclid", "yclid", "mc_cid", "mc_eid", "ref", "_openstat"})
DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical_url(url: str) -> str:
    """The address with scheme and host lower-cased, default port, fragment and tracking parameters
    (``utm_*``, ``fbclid``…) dropped, and the trailing slash of a path (never of the root) removed."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if parts.port and parts.port != DEFAULT_PORTS.get(scheme):
        host = f"{host}:{parts.port}"
    path = parts.path or "/"
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    query = urlencode(
        [
            (key, value)
            for key, value in parse_qsl(parts.query, keep_blank_values=True)
            if not key.lower().startswith("utm_") and key.lower() not in TRACKING_PARAMETERS
        ]
    )
    return urlunsplit((scheme, host, path, query, ""))
