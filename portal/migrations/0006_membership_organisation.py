"""A membership is for an organisation of any kind; each membership's municipality becomes
the municipality's organisation (0007 then drops the old column, in a transaction of its
own, as PostgreSQL requires)."""

import django.db.models.deletion
from django.db import migrations, models


def to_organisations(apps, schema_editor):
    Membership = apps.get_model("portal", "Membership")
    Organisation = apps.get_model("organisations", "Organisation")
    by_municipality = dict(
        Organisation.objects.filter(municipality__isnull=False).values_list("municipality", "pk")
    )
    for membership in Membership.objects.all().only("pk", "municipality"):
        membership.organisation_id = by_municipality[membership.municipality_id]
        membership.save(update_fields=["organisation"])


def to_municipalities(apps, schema_editor):
    Membership = apps.get_model("portal", "Membership")
    for membership in Membership.objects.select_related("organisation"):
        if membership.organisation.municipality_id is None:
            membership.delete()  # the old schema has no place for another kind's members
        else:
            membership.municipality_id = membership.organisation.municipality_id
            membership.save(update_fields=["municipality"])


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
