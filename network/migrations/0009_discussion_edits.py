"""Posts can be edited and deleted by their authors, threads pinned, and each person
chooses what email they get about a network's discussion."""

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0008_organisations_only"),
    ]

    operations = [
        migrations.AddField(
            model_name="thread",
            name="pinned",
            field=models.BooleanField(default=False, verbose_name="fäst"),
        ),
        migrations.AlterModelOptions(
            name="thread",
            options={
                "ordering": ["-pinned", "-last_post_at"],
                "verbose_name": "diskussionstråd",
                "verbose_name_plural": "diskussionstrådar",
            },
        ),
        migrations.AddField(
            model_name="post",
            name="edited_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="post",
            name="deleted_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="digestsubscription",
            name="mode",
            field=models.CharField(
                choices=[
                    ("instant", "Ett mejl för varje nytt svar i trådar där jag skriver"),
                    ("digest", "En sammanfattning om dagen av nätverkets nya inlägg"),
                    ("none", "Inga mejl"),
                ],
                default="digest",
                max_length=10,
                verbose_name="e-post om diskussionen",
            ),
        ),
        # The existing rows keep when they were made as when their (digest) mode was chosen.
        migrations.RenameField(
            model_name="digestsubscription", old_name="created_at", new_name="chosen_at"
        ),
        migrations.AlterField(
            model_name="digestsubscription",
            name="chosen_at",
            field=models.DateTimeField(default=django.utils.timezone.now),
        ),
    ]
