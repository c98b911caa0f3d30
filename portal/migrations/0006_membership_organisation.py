"""A membership is for an organisation of any kind: the column (0007 fills it from the
municipality, 0008 drops the municipality; PostgreSQL wants the steps apart)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0004_municipalities_become_organisations"),
        ("portal", "0005_municipality_in_organisations"),
    ]

    operations = [
        migrations.AlterField(
            model_name="membership",
            name="municipality",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name="memberships", to="organisations.municipality", verbose_name="kommun"),
        ),
        migrations.AddField(
            model_name="membership",
            name="organisation",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name="memberships", to="organisations.organisation", verbose_name="organisation"),
        ),
    ]
