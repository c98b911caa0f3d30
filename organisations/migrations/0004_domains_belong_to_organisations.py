"""The email domains belong to organisations only; the model takes its new name."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models

import organisations.models


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0003_organisations"),
    ]

    operations = [
        migrations.RemoveField(model_name="municipalityemaildomain", name="municipality"),
        migrations.AlterField(
            model_name="municipalityemaildomain",
            name="organisation",
            field=modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name="email_domains", to="organisations.organisation"),
        ),
        migrations.RenameModel(old_name="MunicipalityEmailDomain", new_name="OrganisationEmailDomain"),
        migrations.AlterField(
            model_name="organisationemaildomain",
            name="domain",
            field=models.CharField(max_length=253, unique=True, validators=[organisations.models.domain_validator, organisations.models.validate_own_domain], verbose_name="e-postdomän"),
        ),
    ]
