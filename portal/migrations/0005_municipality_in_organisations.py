"""Memberships and good examples point to organisations.Municipality (state only: the
column and its table are unchanged)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("organisations", "0001_initial"),
        ("portal", "0004_outgoing_email"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="goodexamplepage",
                    name="municipality",
                    field=models.ForeignKey(blank=True, help_text="Lämna tomt när källan inte namnger kommunen.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="good_examples", to="organisations.municipality", verbose_name="kommun"),
                ),
                migrations.AlterField(
                    model_name="membership",
                    name="municipality",
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="memberships", to="organisations.municipality", verbose_name="kommun"),
                ),
            ],
        ),
    ]
