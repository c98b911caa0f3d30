"""The municipality columns go; every row has its organisation (0005)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0005_organisations_filled"),
    ]

    operations = [
        migrations.RemoveField(model_name="organisationquota", name="municipality"),
        migrations.AlterField(
            model_name="organisationquota",
            name="organisation",
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="organisations.organisation"),
        ),
        migrations.AddConstraint(
            model_name="organisationquota",
            constraint=models.UniqueConstraint(fields=("workshop", "organisation"), name="one_quota_per_organisation"),
        ),
        migrations.RemoveField(model_name="registration", name="municipality"),
        migrations.AlterField(
            model_name="registration",
            name="organisation",
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to="organisations.organisation", verbose_name="organisation"),
        ),
        migrations.RemoveField(model_name="themeinterest", name="municipality"),
        migrations.AlterField(
            model_name="themeinterest",
            name="organisation",
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="organisations.organisation"),
        ),
    ]
