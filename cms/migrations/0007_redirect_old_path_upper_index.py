"""An index for the redirect lookup that ignores case (``cms.redirects.redirect_ignoring_case``).

Django's ``old_path__iexact`` is ``UPPER("old_path"::text) = UPPER(%s)`` on PostgreSQL, which the
``old_path`` column's own index cannot serve: at 20,000 redirects every 404 scanned the table (18 ms),
at 100,000 about 70 ms. The index on that expression makes it 0.04 ms. SQLite compares with ``LIKE``
and has no such index to use; it needs none at a developer's scale.
"""

from django.db import migrations

INDEX = "cms_redirect_old_path_upper"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailredirects_redirect (UPPER(old_path::text))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0006_requisite_change"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
