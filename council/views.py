"""The public pages: the deputies of a convocation (by faction) and each deputy's page."""

from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms import params
from cms.cache import cacheable
from cms.pagination import paginate

from . import record, selectors
from .kinds import BallotChoice
from .models import Convocation, Deputy

PER_PAGE = 60
VOTES_PER_PAGE = 25
RESULT_CHOICES = [("adopted", gettext_lazy("adopted")), ("not_adopted", gettext_lazy("not adopted"))]


def chosen(raw, options, *, name, missing):
    """The option whose key is the integer ``raw``; None, with a notice, when there is none."""
    number = params.integer(raw, name=name, minimum=1)
    if number is None:
        return None
    found = options.get(number)
    if found is None:
        raise params.BadParameter(name, number, missing % {"value": number})
    return found


@cacheable
def deputy_list(request):
    """Deputies of one convocation (the latest by default), optionally of one faction."""
    notices = []
    convocations = list(Convocation.objects.all())
    convocation = convocations[0] if convocations else None
    try:
        convocation = (
            chosen(
                request.GET.get("convocation"),
                {c.number: c for c in convocations},
                name="convocation",
                missing=_("There is no convocation %(value)s; showing the latest one."),
            )
            or convocation
        )
    except params.BadParameter as error:
        notices.append(str(error))
    factions, faction, deputies = [], None, Deputy.objects.none()
    if convocation is not None:
        factions = list(selectors.factions_of(convocation))
        try:
            faction = chosen(
                request.GET.get("faction"),
                {f.pk: f for f in factions},
                name="faction",
                missing=_("There is no faction %(value)s in this convocation; showing all."),
            )
        except params.BadParameter as error:
            notices.append(str(error))
        deputies = selectors.deputies_of(convocation=convocation, faction=faction)
    page = paginate(deputies, request.GET.get("page"), notices, per_page=PER_PAGE)
    return render(
        request,
        "council/deputy_list.html",
        {
            "convocation": convocation,
            "convocations": [(str(c.number), str(c)) for c in convocations],
            "faction": faction,
            "convocation_value": str(convocation.number) if convocation else "",
            "faction_value": str(faction.pk) if faction else "",
            "factions": [(str(f.pk), str(f)) for f in factions],
            "page_obj": page,
            "notices": notices,
        },
    )


@cacheable
def deputy_detail(request, slug):
    """One deputy: photo, status, contacts, convocations with factions, commissions, and the record:
    attendance, votes (filtered by the result and the deputy's choice), agreement with the faction,
    initiatives."""
    deputy = get_object_or_404(Deputy.objects.select_related("photo"), slug=slug)
    notices, filters = [], {}
    for name, choices in (("result", RESULT_CHOICES), ("choice", BallotChoice.choices)):
        try:
            filters[name] = params.choice(request.GET.get(name), name=name, choices=choices)
        except params.BadParameter as error:
            notices.append(str(error))
            filters[name] = None
    meetings = record.MeetingRefs()  # each meeting's label and link, once for the three tables
    attendance = record.attendance(deputy, meetings)
    ballots = paginate(
        record.votes(deputy, **filters), request.GET.get("page"), notices, per_page=VOTES_PER_PAGE
    )
    return render(
        request,
        "council/deputy_detail.html",
        {
            "deputy": deputy,
            **selectors.deputy_history(deputy),
            "attendance": attendance,
            "attendance_by_year": record.attendance_by_year(attendance),
            "ballots": ballots,
            "vote_rows": [(ballot, meetings.of(ballot.vote.agenda_item.meeting)) for ballot in ballots],
            "with_faction": record.with_faction(deputy),
            "initiated": [(item, meetings.of(item.meeting)) for item in record.initiated(deputy)],
            "notices": notices,
            "result_value": filters["result"] or "",
            "choice_value": filters["choice"] or "",
            "result_choices": RESULT_CHOICES,
            "choice_choices": BallotChoice.choices,
            "filtered": any(filters.values()),
        },
    )
