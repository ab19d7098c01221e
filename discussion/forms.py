"""The citizen's comment form and the moderator's form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .files import check_attachment
from .models import Comment, CommentOutcome

MAX_TEXT = 10_000
#: The honeypot: hidden from people by CSS and ``aria-hidden``; a bot that fills it is ignored.
HONEYPOT = "website"


class MultilineTextField(forms.CharField):
    """A textarea's text with its line breaks as one character each, before ``max_length`` is checked.

    Browsers count a line break as one character against the textarea's ``maxlength`` but send it as
    CR LF (the HTML standard), so a comment the browser let through would be refused as too long."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n")


class CommentForm(forms.Form):
    author_name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        help_text=_("Not published. We write to it to tell you what became of your comment."),
    )
    text = MultilineTextField(
        label=_("Comment"), max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 6})
    )
    attachment = forms.FileField(
        label=_("Attachment (optional)"),
        required=False,
        help_text=_("A PDF document or a PNG or JPEG image, up to 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}),
    )
    consent = forms.BooleanField(
        label=_(
            "I consent to the processing of my personal data under the Law of Ukraine "
            "«On Personal Data Protection» for the purpose of the public discussion of this draft."
        ),
        required=True,
        error_messages={"required": _("Without your consent the comment cannot be accepted.")},
    )
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_author_name(self):
        return self._clean_text("author_name")

    def clean_text(self):
        return self._clean_text("text")

    def _clean_text(self, name):
        # NUL cannot be stored by PostgreSQL; other control characters have no place in a comment.
        value = "".join(
            ch for ch in self.cleaned_data[name] if ch in "\n\t" or (ord(ch) >= 32 and ord(ch) != 127)
        ).strip()
        if not value:
            raise forms.ValidationError(_("This field is required."), code="required")
        return value

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if not upload:
            return None
        self.attachment_kind = check_attachment(upload)
        return upload

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get(HONEYPOT))


class ModerationAction:
    APPROVE = "approve"
    REJECT = "reject"
    ANSWER = "answer"
    CHOICES = [
        (APPROVE, _("Approve: publish on the draft")),
        (REJECT, _("Reject (give the reason)")),
        (ANSWER, _("Answer: publish with the council's reply")),
    ]


class ModerationForm(forms.ModelForm):
    """The moderator's decision on one comment; the service functions do the writing."""

    action = forms.ChoiceField(
        label=_("Decision"), choices=ModerationAction.CHOICES, widget=forms.RadioSelect
    )
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=[("", "—"), *CommentOutcome.choices], required=False
    )

    class Meta:
        model = Comment
        fields = ["rejection_reason", "reply", "outcome"]

    def clean(self):
        cleaned = super().clean()
        action = cleaned.get("action")
        if action == ModerationAction.REJECT and not (cleaned.get("rejection_reason") or "").strip():
            self.add_error("rejection_reason", _("Give the reason for rejecting the comment."))
        if action == ModerationAction.ANSWER:
            if not (cleaned.get("reply") or "").strip():
                self.add_error("reply", _("Write the council's reply."))
            if not cleaned.get("outcome"):
                self.add_error("outcome", _("Choose whether the proposal was taken into account."))
        return cleaned
