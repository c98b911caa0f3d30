"""Every municipality becomes an organisation and its email domains follow it (and back).
Data only, in a transaction of its own."""

from django.db import migrations


def municipalities_become_organisations(apps, schema_editor):
    Municipality = apps.get_model("organisations", "Municipality")
    Organisation = apps.get_model("organisations", "Organisation")
    Domain = apps.get_model("organisations", "MunicipalityEmailDomain")
    for municipality in Municipality.objects.order_by("code"):
        organisation = Organisation.objects.create(
            kind="municipality",
            name=municipality.name,
            slug=municipality.slug,
            code=municipality.code,
            municipality=municipality,
        )
        organisation.counties.add(municipality.county_id)
    for domain in Domain.objects.select_related("municipality__organisation"):
        domain.organisation = domain.municipality.organisation
        domain.save(update_fields=["organisation"])


def organisations_become_municipalities(apps, schema_editor):
    Domain = apps.get_model("organisations", "MunicipalityEmailDomain")
    for domain in Domain.objects.select_related("organisation"):
        if domain.organisation.municipality_id is None:
            domain.delete()  # the old schema has no place for another kind's domain
        else:
            domain.municipality_id = domain.organisation.municipality_id
            domain.save(update_fields=["municipality"])


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0003_organisations"),
    ]

    operations = [
        migrations.RunPython(municipalities_become_organisations, organisations_become_municipalities),
    ]
