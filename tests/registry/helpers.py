"""Helpers of the registry tests: importing a file as the admin and the command do."""

from django.core.files.uploadedfile import SimpleUploadedFile

from registry import files, services


def run_import(content, file_format, dry_run=False, **options):
    """Read ``content`` and import it through the service, as the admin's confirmation does."""
    reading = {key: options.pop(key) for key in ("encoding", "delimiter") if key in options}
    dataset = files.read_dataset(content=content, file_format=file_format, **reading)
    return services.import_organizations(dataset=dataset, dry_run=dry_run, **options)


def csv_bytes(*lines: str) -> bytes:
    """A UTF-8 CSV of ``lines`` (the header first)."""
    return ("\n".join(lines) + "\n").encode()


def post_import(client, name, content, *, kind="ngo", file_format="", follow=True):
    """The upload step of the admin import (encoding and delimiter detected); follows to the preview."""
    return client.post(
        f"/admin/registry/import/{kind}/",
        {
            "import_file": SimpleUploadedFile(name, content),
            "file_format": file_format,
            "encoding": "auto",
            "delimiter": "auto",
        },
        follow=follow,
    )


def confirm_import(client, preview, *, acknowledge=False, follow=False):
    """Post back the confirmation form the preview rendered (ticking the box when ``acknowledge``)."""
    form = preview.context["confirm_form"]
    data = {"mode": form["mode"].value(), "left_out": form["left_out"].value()}
    if acknowledge:
        data["acknowledge"] = "on"
    return client.post(
        preview.request["PATH_INFO"] + "?" + preview.request["QUERY_STRING"], data, follow=follow
    )
