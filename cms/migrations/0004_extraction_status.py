"""Documents record where their text extraction stands; uploads are stored under readable names.

Documents that exist already had their text extracted on upload or import, so they start as «done»;
a new document starts as «pending» until its extraction task has run.
"""

from django.db import migrations, models

import cms.models

STATUS_CHOICES = [
    ("pending", "text extraction pending"),
    ("done", "text extracted"),
    ("failed", "text not extracted"),
    ("unsupported", "format without text"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0003_site_settings_plural_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="councildocument",
            name="extraction_error",
            field=models.TextField(blank=True, editable=False, verbose_name="why the text was not extracted"),
        ),
        migrations.AddField(
            model_name="councildocument",
            name="extraction_status",
            field=models.CharField(
                choices=STATUS_CHOICES,
                default="done",
                editable=False,
                max_length=16,
                verbose_name="text extraction",
            ),
        ),
        migrations.AlterField(
            model_name="councildocument",
            name="extraction_status",
            field=models.CharField(
                choices=STATUS_CHOICES,
                default="pending",
                editable=False,
                max_length=16,
                verbose_name="text extraction",
            ),
        ),
        migrations.AlterField(
            model_name="councildocument",
            name="file",
            field=models.FileField(upload_to=cms.models.document_upload_to, verbose_name="file"),
        ),
    ]
