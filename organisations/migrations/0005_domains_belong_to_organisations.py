"""The email domains belong to organisations only; the model takes its new name."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models

import organisations.models


def _rename_content_type(old, new):
    def rename(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        db = schema_editor.connection.alias
        ContentType.objects.using(db).filter(app_label="organisations", model=old).update(
            model=new
        )

    return rename


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("organisations", "0004_municipalities_become_organisations"),
    ]

    operations = [
        migrations.RemoveField(model_name="municipalityemaildomain", name="municipality"),
        migrations.AlterField(
            model_name="municipalityemaildomain",
            name="organisation",
            field=modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name="email_domains", to="organisations.organisation"),
        ),
        migrations.RenameModel(old_name="MunicipalityEmailDomain", new_name="OrganisationEmailDomain"),
        # `migrate` renames the content type too; this does it for any other caller of the
        # migration executor, both ways, so the content type keeps its id and permissions.
        migrations.RunPython(
            _rename_content_type("municipalityemaildomain", "organisationemaildomain"),
            _rename_content_type("organisationemaildomain", "municipalityemaildomain"),
        ),
        migrations.AlterField(
            model_name="organisationemaildomain",
            name="domain",
            field=models.CharField(max_length=253, unique=True, validators=[organisations.models.domain_validator, organisations.models.validate_own_domain], verbose_name="e-postdomän"),
        ),
    ]
