"""Meetings of the council's bodies and their agendas: what was considered, from which draft, to what.

A plenary session of the council, a meeting of the executive committee or of a standing commission is
one ``Meeting``; its agenda is an ordered list of ``AgendaItem`` rows, each pointing to the draft it
considers and, once adopted, to the decision. The votes taken on an item are in ``votes.py``.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable

from cms.choices import fast_choice_displays

from ..kinds import MeetingKind, MeetingStatus
from .people import Convocation, Deputy
from .searchable import SearchableByName


def meeting_label(kind: str, number: int | None, starts_at) -> str:
    """«Пленарне засідання сесії № 41, 14.03.2024»: the kind, the number where there is one, the local day."""
    label = MeetingKind(kind).label if kind in MeetingKind.values else kind
    if number:
        label = _("%(kind)s № %(number)s") % {"kind": label, "number": number}
    return f"{label}, {timezone.localtime(starts_at):%d.%m.%Y}"


@fast_choice_displays
class Meeting(SearchableByName, ClusterableModel):
    """A session of the council, or a meeting of the executive committee or of a standing commission."""

    kind = models.CharField(
        _("kind"), max_length=16, choices=MeetingKind.choices, default=MeetingKind.PLENARY
    )
    number = models.PositiveIntegerField(
        _("number"),
        null=True,
        blank=True,
        help_text=_("The session's or meeting's number, where it has one."),
    )
    convocation = models.ForeignKey(
        Convocation,
        verbose_name=_("convocation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meetings",
    )
    commission = models.ForeignKey(
        "pages.CommissionPage",
        verbose_name=_("commission"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meetings",
        help_text=_("For a standing commission's meeting."),
    )
    title = models.CharField(
        _("title"),
        max_length=255,
        blank=True,
        help_text=_("Optional, e.g. «plenary sitting» or «extraordinary session»."),
    )
    starts_at = models.DateTimeField(_("date and time"))
    place = models.CharField(_("place"), max_length=255, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=MeetingStatus.choices, default=MeetingStatus.ANNOUNCED
    )
    postponed_to = models.DateTimeField(_("postponed to"), null=True, blank=True)
    protocol = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("protocol"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    video = models.ForeignKey(
        "pages.VideoPage",
        verbose_name=_("video"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The municipal TV recording of the meeting."),
    )
    notes = models.TextField(_("notes"), blank=True)

    #: Moved by every save (the admin's, the imports'), for the open data's «last change».
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("number"), FieldPanel("convocation")]),
        FieldPanel("commission"),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("place")]),
        FieldRowPanel([FieldPanel("status"), FieldPanel("postponed_to")]),
        MultiFieldPanel([FieldPanel("protocol"), FieldPanel("video")], heading=_("Results")),
        FieldPanel("notes"),
        InlinePanel("agenda_items", heading=_("Agenda"), label=_("agenda item")),
    ]

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at", "-pk"]
        indexes = [models.Index(fields=["kind", "starts_at"])]

    def __str__(self):
        return meeting_label(self.kind, self.number, self.starts_at)

    def search_texts(self):
        """Found in the site search by kind and number («41 сесія»), title, month, place, convocation."""
        day = timezone.localtime(self.starts_at)
        return [
            str(self),
            self.title,
            date_format(day, "j E Y"),
            self.place,
            self.convocation,
            self.commission.title if self.commission_id else "",
        ]

    def clean(self):
        if self.kind == MeetingKind.COMMISSION and not self.commission_id:
            raise ValidationError({"commission": _("Choose the commission whose meeting this is.")})
        if self.kind != MeetingKind.COMMISSION and self.commission_id:
            raise ValidationError({"commission": _("Only a commission's meeting belongs to a commission.")})
        if (
            self.status == MeetingStatus.POSTPONED
            and self.postponed_to
            and self.postponed_to <= self.starts_at
        ):
            raise ValidationError({"postponed_to": _("A meeting is postponed to a later time.")})
        if self.status != MeetingStatus.POSTPONED and self.postponed_to:
            raise ValidationError({"postponed_to": _("Only a postponed meeting has a new date.")})


class AgendaItem(Orderable):
    """One question of a meeting's agenda: the draft it considers and the decision adopted on it."""

    meeting = ParentalKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    number = models.CharField(
        _("item number"), max_length=16, blank=True, help_text=_("As in the agenda: «5», «5.1».")
    )
    title = models.CharField(_("question"), max_length=1000)
    draft = models.ForeignKey(
        "pages.ActPage",
        verbose_name=_("draft decision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agenda_items_as_draft",
    )
    decision = models.ForeignKey(
        "pages.ActPage",
        verbose_name=_("decision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agenda_items_as_decision",
    )
    rapporteur = models.CharField(_("rapporteur"), max_length=255, blank=True)
    withdrawn = models.BooleanField(
        _("withdrawn from the agenda"),
        default=False,
        help_text=_("The item was taken off the agenda and not considered («знято з розгляду»)."),
    )
    initiators = ParentalManyToManyField(
        Deputy, verbose_name=_("initiated by deputies"), blank=True, related_name="initiated_items"
    )

    #: Moved by every save (the admin's, the imports'), for the open data's «last change».
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        FieldRowPanel([FieldPanel("number"), FieldPanel("title")]),
        FieldRowPanel([FieldPanel("draft"), FieldPanel("decision")]),
        FieldRowPanel([FieldPanel("rapporteur"), FieldPanel("initiators")]),
        FieldPanel("withdrawn"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self):
        label = f"{self.number}. {self.title}" if self.number else self.title
        return _("%(item)s (withdrawn from the agenda)") % {"item": label} if self.withdrawn else label

    def clean(self):
        if self.withdrawn and self.decision_id:
            raise ValidationError({"withdrawn": _("An item withdrawn from the agenda has no decision.")})
