"""The moderators' approval task: Wagtail's group approval, with a reason required to reject."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.forms import TaskStateCommentForm
from wagtail.models import GroupApprovalTask


class RejectionForm(TaskStateCommentForm):
    """The comment is what the author reads in the notification: a rejection must say why."""

    comment = forms.CharField(
        label=_("What should be changed"), required=True, widget=forms.Textarea({"rows": 3})
    )


class ModeratorApprovalTask(GroupApprovalTask):
    """Group approval whose «request changes» needs a comment, sent to the author in the admin and by mail."""

    class Meta:
        verbose_name = _("moderator approval")
        verbose_name_plural = _("moderator approvals")

    def get_form_for_action(self, action):
        if action == "reject":
            return RejectionForm
        return super().get_form_for_action(action)

    def on_action(self, task_state, user, action_name, **kwargs):
        # The admin's modal asks for the comment; a request that bypasses it rejects nothing.
        if action_name == "reject" and not (kwargs.get("comment") or "").strip():
            return None
        return super().on_action(task_state, user, action_name, **kwargs)
