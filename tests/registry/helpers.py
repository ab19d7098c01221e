"""Helpers of the registry tests: importing a file as the admin and the command do."""

from registry import files, services


def run_import(content, file_format, dry_run=False, **options):
    """Read ``content`` and import it through the service, as the admin's confirmation does."""
    reading = {key: options.pop(key) for key in ("encoding", "delimiter") if key in options}
    dataset = files.read_dataset(content=content, file_format=file_format, **reading)
    return services.import_organizations(dataset=dataset, dry_run=dry_run, **options)


def csv_bytes(*lines: str) -> bytes:
    """A UTF-8 CSV of ``lines`` (the header first)."""
    return ("\n".join(lines) + "\n").encode()
