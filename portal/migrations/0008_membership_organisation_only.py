"""Memberships point to organisations only."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0007_membership_organisation_filled"),
    ]

    operations = [
        migrations.RemoveField(model_name="membership", name="municipality"),
        migrations.AlterField(
            model_name="membership",
            name="organisation",
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="memberships", to="organisations.organisation", verbose_name="organisation"),
        ),
        migrations.AlterField(
            model_name="membership",
            name="role",
            field=models.CharField(choices=[("member", "Medlem"), ("coordinator", "Kontaktperson")], default="member", max_length=20, verbose_name="roll"),
        ),
    ]
