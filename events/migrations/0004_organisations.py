"""Workshops are for organisations of every kind: registrations, quotas and theme interest
get a column for the organisation, the cap is per organisation, and a workshop names the
kinds of organisation that may sign up (municipalities, as before).

Rows are filled in 0005 and the municipality columns go in 0006. Each step is a migration
of its own because on PostgreSQL rows updated in a transaction leave deferred foreign-key
checks pending, and a table with pending checks cannot be altered in that transaction
(in either direction).
"""

import django.db.models.deletion
from django.db import migrations, models

import events.models.pages


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0003_municipality_in_organisations"),
        ("organisations", "0004_municipalities_become_organisations"),
    ]

    operations = [
        migrations.RenameModel(old_name="MunicipalityQuota", new_name="OrganisationQuota"),
        migrations.RemoveConstraint(
            model_name="organisationquota", name="one_quota_per_municipality"
        ),
        migrations.AlterField(
            model_name="organisationquota",
            name="workshop",
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="organisation_quotas", to="events.workshoppage"),
        ),
        migrations.AlterField(
            model_name="organisationquota",
            name="municipality",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, to="organisations.municipality"),
        ),
        migrations.AddField(
            model_name="organisationquota",
            name="organisation",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, to="organisations.organisation"),
        ),
        migrations.AlterField(
            model_name="registration",
            name="municipality",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, to="organisations.municipality", verbose_name="kommun"),
        ),
        migrations.AddField(
            model_name="registration",
            name="organisation",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, to="organisations.organisation", verbose_name="organisation"),
        ),
        migrations.AlterField(
            model_name="themeinterest",
            name="municipality",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, to="organisations.municipality"),
        ),
        migrations.AddField(
            model_name="themeinterest",
            name="organisation",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, to="organisations.organisation"),
        ),
        migrations.RenameField(
            model_name="workshoppage", old_name="per_municipality_cap", new_name="per_organisation_cap"
        ),
        migrations.AlterField(
            model_name="workshoppage",
            name="per_organisation_cap",
            field=models.PositiveIntegerField(blank=True, help_text="Gäller varje organisation, av alla slag. Lämna tomt för ingen gräns.", null=True, verbose_name="max platser per organisation"),
        ),
        migrations.AddField(
            model_name="workshoppage",
            name="open_to",
            field=models.JSONField(default=events.models.pages.default_open_to, help_text="Vilka slags organisationer som får anmäla sig.", verbose_name="öppen för"),
        ),
        migrations.AlterField(
            model_name="workshoppage",
            name="network",
            field=models.ForeignKey(blank=True, help_text="Bara medlemmar i nätverkets organisationer kan anmäla sig.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="meetings", to="network.network", verbose_name="bara för nätverk"),
        ),
    ]
