"""Deputies and meetings in the site search (``search.sources``), linking to their public pages.

The models are indexed by their lemmatised names (``council.models.searchable``); this module says
which records are searched and how a found one reads on the search page. The meeting pages
(``council:meeting_detail``) may be absent: a meeting is then shown without a link.
"""

from django.utils.translation import gettext_lazy as _

from search.sources import Hit, Source

from .kinds import DeputyStatus
from .links import deputy_url, meeting_url
from .models import Deputy, Meeting


def deputy_hits(deputies) -> list[Hit]:
    hits = []
    for deputy in deputies:
        meta = _("Deputy of the city council")
        if deputy.status == DeputyStatus.ENDED:
            meta = _("Former deputy of the city council")
        hits.append(Hit(deputy.full_name, deputy_url(deputy.slug), str(meta)))
    return hits


def meeting_hits(meetings) -> list[Hit]:
    hits = []
    for meeting in meetings:
        title = f"{meeting} — {meeting.title}" if meeting.title else str(meeting)
        meta = " · ".join(
            str(part) for part in (meeting.get_status_display(), meeting.convocation, meeting.place) if part
        )
        hits.append(Hit(title, meeting_url(meeting.pk) or None, meta))
    return hits


SOURCES = [
    Source("deputies", _("Deputies"), Deputy.objects.all, deputy_hits),
    Source(
        "meetings",
        _("Sessions and meetings"),
        lambda: Meeting.objects.select_related("convocation"),
        meeting_hits,
    ),
]
