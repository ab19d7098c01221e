"""Admin forms of the core: the page form that guards a published page's requisites (``cms.requisites``)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .requisites import record_requisite_change


def _same(old, new) -> bool:
    # A related object compares by its key; an empty string and None are the same empty requisite.
    old, new = getattr(old, "pk", old), getattr(new, "pk", new)
    return (old or None) == (new or None)


class RequisitesForm(WagtailAdminPageForm):
    """Once the page is live, its ``requisite_fields`` change only by who may publish it, with a reason."""

    requisite_change_reason = forms.CharField(
        label=_("Reason for changing the requisites"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Required when the requisites of a published act change (type, number, adoption date, issuer). "
            "Shown on the act's page."
        ),
    )

    def changed_requisites(self):
        """(model field, live value, new value) of each requisite this form changes on a live page."""
        page = self.instance
        if not page.pk or not page.live:
            return []
        # A live page's own row holds its published values: drafts are kept in revisions only.
        live = type(page).objects.get(pk=page.pk)
        changes = []
        for name in getattr(type(page), "requisite_fields", ()):
            if name in self.cleaned_data and not _same(getattr(live, name), self.cleaned_data[name]):
                changes.append((page._meta.get_field(name), getattr(live, name), self.cleaned_data[name]))
        return changes

    def clean(self):
        cleaned_data = super().clean()
        self.requisite_changes = self.changed_requisites()
        if not self.requisite_changes:
            return cleaned_data
        if not self.instance.permissions_for_user(self.for_user).can_publish():
            for field, _old, _new in self.requisite_changes:
                self.add_error(
                    field.name,
                    _("The requisites of a published act can be changed only by a moderator."),
                )
        elif not (cleaned_data.get("requisite_change_reason") or "").strip():
            self.add_error(
                "requisite_change_reason", _("Say why the requisites of a published act are changed.")
            )
        return cleaned_data

    def save(self, commit=True):
        page = super().save(commit=commit)
        if getattr(self, "requisite_changes", None):
            record_requisite_change(
                page=page,
                user=self.for_user,
                reason=self.cleaned_data["requisite_change_reason"],
                changes=self.requisite_changes,
            )
        return page
