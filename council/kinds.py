"""The council's lists of kinds, declared once: a deputy's status and roles in a commission."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DeputyStatus(models.TextChoices):
    ACTING = "acting", _("acting")
    ENDED = "ended", _("mandate ended")


class CommissionRole(models.TextChoices):
    CHAIR = "chair", _("chair")
    DEPUTY_CHAIR = "deputy_chair", _("deputy chair")
    SECRETARY = "secretary", _("secretary")
    MEMBER = "member", _("member")
