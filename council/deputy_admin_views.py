"""The deputy's form, create and edit views: a mandate's end bounds the memberships, and saving a deputy
recounts the votes his or her memberships affect."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic

from .kinds import DeputyStatus
from .recounting import recount_once


class DeputyForm(WagtailAdminModelForm):
    """A deputy whose mandate ended has no membership running after that day: the composition that
    decides every vote, and the attendance, are counted from the memberships, not from the status."""

    def is_valid(self):
        valid = super().is_valid()
        ended = self.cleaned_data.get("mandate_ended_on") if valid else None
        if ended is None or self.cleaned_data.get("status") != DeputyStatus.ENDED:
            return valid
        formset = self.formsets["memberships"]
        day = f"{ended:%d.%m.%Y}"
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or form in formset.deleted_forms:
                continue
            if data.get("start_date") and data["start_date"] > ended:
                form.add_error(
                    "start_date", _("The mandate ended on %(day)s, before this start.") % {"day": day}
                )
            elif data.get("end_date") is None or data["end_date"] > ended:
                form.add_error(
                    "end_date",
                    _("The mandate ended on %(day)s: end the membership on that day at the latest.")
                    % {"day": day},
                )
        return not any(form.errors for form in formset.forms)


class RecountsVotes:
    """The deputy and the memberships are saved together and the votes they affect recounted once, at
    the end, from the memberships before the save and after it (in the view's transaction)."""

    def save_instance(self):
        with recount_once():
            return super().save_instance()


class DeputyCreateView(RecountsVotes, generic.CreateView):
    pass


class DeputyEditView(RecountsVotes, generic.EditView):
    pass
