"""The council's issuers come with the site (issue 10): a fresh install can import its legacy acts."""

from django.db import migrations

from pages.reference_data import ensure_council_issuers


def create_issuers(apps, schema_editor):
    ensure_council_issuers(apps.get_model("pages", "Issuer"))


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0004_act_type_choices_read_from_kinds"),
    ]

    # Reversing keeps the rows: acts may name them, and editors may have changed them.
    operations = [migrations.RunPython(create_issuers, migrations.RunPython.noop)]
