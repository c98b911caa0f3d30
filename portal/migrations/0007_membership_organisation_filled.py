"""Each membership gets its municipality's organisation (and back). Data only, in a
transaction of its own."""

from django.db import migrations


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
        ("portal", "0006_membership_organisation"),
    ]

    operations = [
        migrations.RunPython(to_organisations, to_municipalities),
    ]
