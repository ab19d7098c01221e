"""Roll-call votes: each question put to the vote on an agenda item, and each deputy's ballot.

A ballot points to a deputy record; ``recorded_name`` keeps the name as the protocol or the voting
system wrote it, so a name not yet matched to a deputy is kept (and reported) rather than lost.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

from cms.choices import fast_choice_displays

from ..kinds import BallotChoice, Majority, Question
from .meetings import AgendaItem
from .people import Deputy


@fast_choice_displays
class Vote(ClusterableModel):
    """One question put to a roll-call vote on an agenda item (as a basis, an amendment, as a whole…)."""

    agenda_item = models.ForeignKey(
        AgendaItem, verbose_name=_("agenda item"), on_delete=models.CASCADE, related_name="votes"
    )
    position = models.PositiveSmallIntegerField(
        _("order"), default=1, help_text=_("The order of this vote among the item's votes.")
    )
    question = models.CharField(
        _("question"), max_length=16, choices=Question.choices, default=Question.WHOLE
    )
    description = models.CharField(
        _("description"), max_length=1000, blank=True, help_text=_("E.g. the text of the amendment.")
    )
    held_at = models.DateTimeField(_("time of the vote"), null=True, blank=True)
    majority = models.CharField(
        _("votes needed"), max_length=16, choices=Majority.choices, default=Majority.HALF
    )
    published_at = models.DateTimeField(
        _("published at"),
        null=True,
        blank=True,
        help_text=_("When the roll-call result was published on the site (Art. 59: on the day of the vote)."),
    )

    # The tally, stored by ``council.tally.recount`` whenever the ballots change (the lists filter on it).
    for_count = models.PositiveSmallIntegerField(_("for"), default=0, editable=False)
    against_count = models.PositiveSmallIntegerField(_("against"), default=0, editable=False)
    abstained_count = models.PositiveSmallIntegerField(_("abstained"), default=0, editable=False)
    not_voted_count = models.PositiveSmallIntegerField(_("did not vote"), default=0, editable=False)
    absent_count = models.PositiveSmallIntegerField(_("absent"), default=0, editable=False)
    composition = models.PositiveSmallIntegerField(
        _("total composition"),
        null=True,
        editable=False,
        help_text=_("Deputies with a mandate on the day of the vote, and the mayor."),
    )
    quorum = models.BooleanField(_("quorum"), null=True, editable=False)
    adopted = models.BooleanField(_("adopted"), null=True, editable=False)

    panels = [
        FieldRowPanel([FieldPanel("agenda_item"), FieldPanel("position")]),
        FieldRowPanel([FieldPanel("question"), FieldPanel("majority")]),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("held_at"), FieldPanel("published_at")]),
        InlinePanel("ballots", heading=_("Roll-call vote"), label=_("ballot")),
    ]

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        ordering = ["agenda_item", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["agenda_item", "position"], name="unique_vote_position"),
        ]

    def __str__(self):
        return f"{self.agenda_item} — {self.get_question_display()}"


@fast_choice_displays
class Ballot(Orderable):
    """How one deputy voted on one question."""

    vote = ParentalKey(Vote, on_delete=models.CASCADE, related_name="ballots")
    deputy = models.ForeignKey(
        Deputy,
        verbose_name=_("deputy"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="ballots",
    )
    recorded_name = models.CharField(
        _("name as recorded"),
        max_length=255,
        blank=True,
        help_text=_("The name as the protocol or the voting system wrote it."),
    )
    choice = models.CharField(_("ballot"), max_length=16, choices=BallotChoice.choices)
    # Stored by ``council.tally.recount`` (the deputy's record reads them instead of every fellow's ballot).
    faction = models.ForeignKey(
        "registry.Organization",
        verbose_name=_("faction on the day"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    with_faction = models.BooleanField(
        _("with the faction's majority"),
        null=True,
        editable=False,
        help_text=_("Empty: absent, no faction, or the faction split evenly."),
    )

    panels = [FieldRowPanel([FieldPanel("deputy"), FieldPanel("recorded_name"), FieldPanel("choice")])]

    class Meta(Orderable.Meta):
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        constraints = [
            models.UniqueConstraint(
                fields=["vote", "deputy"], condition=Q(deputy__isnull=False), name="unique_ballot_per_deputy"
            ),
        ]
        indexes = [models.Index(fields=["deputy", "choice"])]

    def __str__(self):
        return f"{self.deputy or self.recorded_name}: {self.get_choice_display()}"

    def clean(self):
        if not self.deputy_id and not self.recorded_name.strip():
            raise ValidationError({"deputy": _("Choose the deputy or write the name as recorded.")})
