"""Requisites of a published legal document: changed only by whoever may publish it, and never silently.

A page type lists its requisites in ``requisite_fields`` and takes ``RequisitesForm`` (``cms.forms``) as its
``base_form_class``. Once the page is live, a change to a requisite needs the publish permission (the
moderators) and a reason; each change is kept as a ``RequisiteChange`` and shown on the public page
(«Внесено зміни …»).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RequisiteChange(models.Model):
    """A change of a published page's requisites: what changed, who changed it, when and why."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="requisite_changes", verbose_name=_("page")
    )
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("changed by"),
    )
    reason = models.TextField(_("reason for the change"))
    #: [{"field": verbose name, "old": text, "new": text}, ...]
    changes = models.JSONField(_("changes"), default=list)

    class Meta:
        verbose_name = _("change of requisites")
        verbose_name_plural = _("changes of requisites")
        ordering = ["changed_at", "pk"]

    def __str__(self):
        return f"{self.page_id}: {self.changed_at:%Y-%m-%d}"

    def summary(self) -> str:
        """«Номер: 1-49/2018 → 2-49/2018; дата ухвалення: …»."""
        return "; ".join(
            f"{item['field']}: {item['old'] or '—'} → {item['new'] or '—'}" for item in self.changes
        )


def display(value) -> str:
    """A requisite's value as citizens read it (a date in Ukrainian order, a body by its name)."""
    if value is None:
        return ""
    if hasattr(value, "strftime"):
        return value.strftime("%d.%m.%Y")
    return str(value)


def record_requisite_change(*, page, user, reason, changes) -> RequisiteChange:
    """Keep ``changes`` ((field, old, new) triples) of ``page``'s requisites with ``reason``."""
    return RequisiteChange.objects.create(
        page=page,
        user=user,
        reason=reason.strip(),
        changes=[
            {"field": str(field.verbose_name), "old": display(old), "new": display(new)}
            for field, old, new in changes
        ],
    )


def published_changes(page):
    """The changes of ``page``'s requisites that are live (made before its last publication)."""
    if not page.last_published_at:
        return RequisiteChange.objects.none()
    return page.requisite_changes.filter(changed_at__lte=page.last_published_at)
