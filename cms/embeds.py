"""Video embeds: YouTube links recognised and embedded locally, anything else through Wagtail's embeds.

``video_embed_html`` is the one place a video is turned into HTML: the video page's template tag
(``cms_tags.video_embed``) and the body's embed block (``cms.blocks.VideoEmbedBlock``) both call it.
"""

import logging
import re
from urllib.parse import parse_qs, urlparse

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail.embeds.embeds import get_embed

logger = logging.getLogger(__name__)

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
YOUTUBE_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "m.youtube.com",
    "music.youtube.com",
    "youtube-nocookie.com",
    "www.youtube-nocookie.com",
}


def parse_youtube_id(url: str) -> str | None:
    """The 11-character video ID of a YouTube URL, or None if the URL is not a YouTube video.

    Parsed locally so that a YouTube video renders without any request to YouTube's oEmbed.
    """
    try:
        parsed = urlparse(url.strip())
    except ValueError:
        return None
    host = (parsed.hostname or "").lower()
    candidate = None
    if host in {"youtu.be", "www.youtu.be"}:
        candidate = parsed.path.lstrip("/").split("/")[0]
    elif host in YOUTUBE_HOSTS:
        if parsed.path == "/watch":
            candidate = parse_qs(parsed.query).get("v", [None])[0]
        else:
            parts = parsed.path.strip("/").split("/")
            if len(parts) >= 2 and parts[0] in {"embed", "shorts", "live", "v"}:
                candidate = parts[1]
    if candidate and YOUTUBE_ID.match(candidate):
        return candidate
    return None


def video_embed_html(url: str, title: str) -> str:
    """HTML that plays a video: YouTube as a privacy-enhanced iframe built locally, anything
    else through Wagtail's embeds; when the provider fails, a plain link instead of an error."""
    video_id = parse_youtube_id(url or "")
    if video_id:
        return format_html(
            '<div class="video-frame"><iframe src="https://www.youtube-nocookie.com/embed/{}" title="{}" '
            'loading="lazy" allow="accelerometer; encrypted-media; gyroscope; picture-in-picture" '
            'referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe></div>',
            video_id,
            title,
        )
    try:
        embed = get_embed(url)
        # The oEmbed HTML comes from a provider Wagtail's embed finders trust.
        return format_html('<div class="video-frame video-frame--oembed">{}</div>', mark_safe(embed.html))
    except Exception:  # noqa: BLE001 - any provider failure must leave the page readable
        logger.warning("Embed failed for %s", url, exc_info=True)
        return format_html(
            '<p class="video-fallback"><a href="{}" rel="noopener">{}</a></p>',
            url,
            _("Watch the video: %s") % title,
        )
