"""The public meeting pages: the calendar and archive, a meeting with its agenda and votes, the feed."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from cms import params
from cms.cache import cacheable
from cms.pagination import paginate

from . import ical
from . import meetings_selectors as selectors
from .kinds import MeetingKind, MeetingStatus
from .links import meeting_url

PER_PAGE = 30


@cacheable
def meeting_list(request):
    """Coming meetings (soonest first) and the archive of held ones (by year), both filtered by kind."""
    notices = []
    kind = year = None
    try:
        kind = params.choice(request.GET.get("kind"), name="kind", choices=MeetingKind.choices)
    except params.BadParameter as error:
        notices.append(str(error))
    years = selectors.archive_years()
    try:
        year = params.year(request.GET.get("year"))
        if year is not None and year not in years:
            notices.append(_("No meetings were held in %(year)s; showing all years.") % {"year": year})
            year = None
    except params.BadParameter as error:
        notices.append(str(error))
    now = timezone.now()
    archive = paginate(
        selectors.held_meetings(kind=kind, year=year), request.GET.get("page"), notices, per_page=PER_PAGE
    )
    return render(
        request,
        "council/meeting_list.html",
        {
            "coming": list(selectors.coming_meetings(now=now, kind=kind)),
            "page_obj": archive,
            "kinds": MeetingKind.choices,
            "kind_value": kind or "",
            "years": [(str(y), str(y)) for y in years],
            "year_value": str(year) if year else "",
            "notices": notices,
        },
    )


@cacheable
def meeting_detail(request, pk):
    """One meeting: requisites, the agenda with drafts, decisions and votes, the protocol, the video."""
    meeting = selectors.meeting_with_agenda(pk)
    if meeting is None:
        raise Http404(_("There is no such meeting."))
    return render(
        request,
        "council/meeting_detail.html",
        {"meeting": meeting, "items": list(meeting.agenda_items.all())},
    )


def summary(meeting) -> str:
    """«Сесія міської ради № 40», with the commission's name and «(перенесено)» where they apply."""
    label = capfirst(meeting.get_kind_display())
    if meeting.number:
        label = _("%(kind)s № %(number)s") % {"kind": label, "number": meeting.number}
    if meeting.commission_id:
        label = f"{label}: {meeting.commission.title}"
    if meeting.status == MeetingStatus.POSTPONED:
        label = _("%(meeting)s (postponed)") % {"meeting": label}
    return label


def feed_status(meeting) -> str:
    """RFC 5545's STATUS of a meeting: a meeting postponed with no new date is off (CANCELLED) at its date."""
    if meeting.status == MeetingStatus.POSTPONED and meeting.postponed_to is None:
        return "CANCELLED"
    return "CONFIRMED"


@cacheable
def calendar_ics(request):
    """The iCalendar feed of meetings of the last 90 days and the future."""
    now = timezone.now()
    host = request.get_host().split(":")[0]
    events = [
        ical.Event(
            uid=f"meeting-{meeting.pk}@{host}",
            starts_at=meeting.when,
            summary=summary(meeting),
            status=feed_status(meeting),
            location=meeting.place,
            description="\n".join(str(item) for item in meeting.agenda_items.all()),
            url=request.build_absolute_uri(meeting_url(meeting.pk)),
        )
        for meeting in selectors.feed_meetings(now=now)
    ]
    body = ical.calendar(
        events,
        name=_("Meetings of the Nizhyn city council"),
        prodid="-//Nizhyn city council//radasite meetings//UK",
        stamp=now,
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="zasidannia.ics"'
    return response
