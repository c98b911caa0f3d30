"""Workshops' counties and registrations' municipalities point to organisations (state
only: the columns and their tables are unchanged)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("events", "0002_format_label"),
        ("organisations", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="municipalityquota",
                    name="municipality",
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="organisations.municipality"),
                ),
                migrations.AlterField(
                    model_name="registration",
                    name="municipality",
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to="organisations.municipality", verbose_name="kommun"),
                ),
                migrations.AlterField(
                    model_name="themeinterest",
                    name="municipality",
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="organisations.municipality"),
                ),
                migrations.AlterField(
                    model_name="workshoppage",
                    name="county",
                    field=models.ForeignKey(blank=True, help_text="Där workshoppen hålls, om den är på plats eller hybrid.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="workshops", to="organisations.county", verbose_name="län"),
                ),
            ],
        ),
    ]
