"""Editable parts of the monthly report: the narrative bullets that are not counts."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

#: A list marker an editor may type or paste before a bullet: «•» (with or without a space), or a hyphen,
#: en or em dash or an asterisk followed by a space. A sign that belongs to the text («-5 скарг») stays.
BULLET_MARKER = re.compile(r"^(?:•\s*|[-–—*](?:\s+|$))")


class MonthlyReportNotes(models.Model):
    """Narrative bullets of one month's report (media monitoring, the petitions platform and the like)."""

    month = models.DateField(
        _("month"),
        unique=True,
        help_text=_("Any day of the month; it is stored as the first day of the month."),
    )
    bullets = models.TextField(
        _("bullets"),
        blank=True,
        help_text=_("One bullet per line, as it should appear in the report."),
    )

    panels = [FieldPanel("month"), FieldPanel("bullets")]

    class Meta:
        verbose_name = _("monthly report notes")
        verbose_name_plural = _("monthly report notes")
        ordering = ["-month"]

    def __str__(self):
        return f"{self.month:%m.%Y}"

    def clean(self):
        super().clean()
        if isinstance(self.month, datetime.date):
            self.month = self.month.replace(day=1)
        elif self.month is not None:
            raise ValidationError({"month": _("Enter a date.")})

    def bullet_list(self) -> list[str]:
        """The bullets, one per non-blank line, each without the list marker it may have been typed with."""
        bullets = (BULLET_MARKER.sub("", line.strip()).strip() for line in self.bullets.splitlines())
        return [bullet for bullet in bullets if bullet]
