"""The forms of the registry's import: the upload, and the confirmation after the preview."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .files import RegistryFileError, guess_format, read_dataset
from .uploads import Upload


class RegistryImportForm(forms.Form):
    """The upload step; the format is guessed from the extension unless chosen."""

    import_file = forms.FileField(label=gettext_lazy("File"))
    file_format = forms.ChoiceField(
        label=gettext_lazy("Format"),
        required=False,
        choices=[
            ("", gettext_lazy("By the file extension")),
            ("csv", "CSV"),
            ("xlsx", "XLSX"),
            ("json", "JSON"),
        ],
    )
    encoding = forms.ChoiceField(
        label=gettext_lazy("Encoding (CSV)"),
        choices=[("auto", gettext_lazy("Detect")), ("utf-8", "UTF-8"), ("cp1251", "Windows-1251")],
        initial="auto",
    )
    delimiter = forms.ChoiceField(
        label=gettext_lazy("Delimiter (CSV)"),
        choices=[
            ("auto", gettext_lazy("Detect")),
            ("semicolon", gettext_lazy("Semicolon ;")),
            ("comma", gettext_lazy("Comma ,")),
            ("tab", gettext_lazy("Tab")),
        ],
        initial="auto",
    )

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("import_file")
        if upload and not cleaned.get("file_format"):
            cleaned["file_format"] = guess_format(upload.name)
            # The formats this form offers (a subclass may offer fewer than the registry reads).
            offered = {value for value, _label in self.fields["file_format"].choices if value}
            if cleaned["file_format"] not in offered:
                self.add_error("file_format", _("Cannot tell the format from the file name: choose it."))
        return cleaned

    def store_upload(self, *, kind: str, user) -> Upload | None:
        """The valid form's file, read once to check that it can be, kept for its preview.

        None, with the reason on the file field, when the file cannot be read.
        """
        options = {key: self.cleaned_data[key] for key in ("encoding", "delimiter")}
        content = self.cleaned_data["import_file"].read()
        try:
            read_dataset(content=content, file_format=self.cleaned_data["file_format"], **options)
        except RegistryFileError as error:
            self.add_error("import_file", str(error))
            return None
        return Upload.store(
            content,
            original_name=self.cleaned_data["import_file"].name,
            file_format=self.cleaned_data["file_format"],
            kind=kind,
            user_id=user.pk,
            **options,
        )


class ConfirmImportForm(forms.Form):
    """The keeper's go-ahead after the preview.

    ``mode`` is «all» for a file without errors, «valid» to write the valid rows only; then
    ``left_out`` is the number of rows the preview showed with errors, and ``acknowledge`` (required)
    is the keeper's explicit agreement to leave them out.
    """

    MODES = (("all", "all"), ("valid", "valid"))

    mode = forms.ChoiceField(choices=MODES, widget=forms.HiddenInput)
    left_out = forms.IntegerField(min_value=0, max_value=10**7, required=False, widget=forms.HiddenInput)
    acknowledge = forms.BooleanField(
        label=gettext_lazy("I understand that the rows with errors will be left out."), required=False
    )

    def __init__(self, *args, left_out_label=None, **kwargs):
        super().__init__(*args, **kwargs)
        if left_out_label:
            self.fields["acknowledge"].label = left_out_label

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("mode") == "valid":
            if cleaned.get("left_out") is None:
                self.add_error(
                    "left_out", _("The number of rows left out is missing: open the preview again.")
                )
            if not cleaned.get("acknowledge"):
                self.add_error(
                    "acknowledge", _("Tick the box to confirm that the rows with errors are left out.")
                )
        return cleaned
