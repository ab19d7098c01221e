"""Moderation in the Wagtail admin: a viewset listing comments with filters, one decision per comment.

The edit screen shows the comment as received (name, e-mail, text, the attachment through
:func:`attachment_view`) and takes one decision: approve, reject with a reason, or answer with the
council's reply and the outcome. The services write and tell the commenter; comments are never
added from the admin.
"""

import django_filters
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from .forms import ModerationAction, ModerationForm
from .models import Comment, CommentOutcome, CommentStatus
from .services import answer_comment, approve_comment, reject_comment
from .views import file_response


class CommentFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("status"), choices=CommentStatus.choices)
    outcome = django_filters.ChoiceFilter(label=_("outcome"), choices=CommentOutcome.choices)

    class Meta:
        model = Comment
        fields = ["status", "outcome", "draft"]


class CommentIndexView(generic.IndexView):
    def get_add_url(self):
        return None  # comments come from citizens only


class CommentEditView(generic.EditView):
    template_name = "discussion/admin/edit.html"

    def get_initial(self):
        initial = super().get_initial()
        if self.object.status == CommentStatus.ANSWERED:
            initial["action"] = ModerationAction.ANSWER
        elif self.object.status == CommentStatus.REJECTED:
            initial["action"] = ModerationAction.REJECT
        elif self.object.status == CommentStatus.APPROVED:
            initial["action"] = ModerationAction.APPROVE
        return initial

    def save_instance(self):
        data = self.form.cleaned_data
        comment = Comment.objects.get(pk=self.object.pk)
        action = data["action"]
        if action == ModerationAction.APPROVE:
            return approve_comment(comment=comment)
        if action == ModerationAction.REJECT:
            return reject_comment(comment=comment, reason=data["rejection_reason"])
        return answer_comment(comment=comment, reply=data["reply"], outcome=data["outcome"])


class CommentViewSet(ModelViewSet):
    model = Comment
    icon = "comment"
    menu_label = _("Discussion comments")
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = CommentIndexView
    edit_view_class = CommentEditView
    copy_view_enabled = False  # comments come from citizens only (a «copy» is an add, and was a 500)
    filterset_class = CommentFilterSet
    list_display = [
        "author_name",
        Column("text", label=_("comment"), accessor="__str__"),
        "draft",
        "status",
        "outcome",
        "repeats",
        DateColumn("created_at", label=_("received at")),
    ]
    search_fields = ["author_name", "text"]
    list_per_page = 50
    ordering = ["-created_at"]

    def get_form_class(self, for_update=False):
        return ModerationForm

    def get_urlpatterns(self):
        patterns = [pattern for pattern in super().get_urlpatterns() if pattern.name != "add"]
        return patterns + [path("attachment/<int:pk>/", attachment_view, name="attachment")]


def attachment_view(request, pk):
    """The attachment of any comment, pending ones included, for moderators only."""
    if not request.user.has_perm("discussion.change_comment"):
        raise Http404("No such attachment")
    return file_response(get_object_or_404(Comment, pk=pk))


comment_viewset = CommentViewSet("discussion_comments", url_prefix="discussion/comments")
