"""Organisations: every municipality gets one, and its email domains move to it (0004
then drops the old column: on PostgreSQL a table cannot be altered in the transaction
that changed its rows).

Regions, county boards and police regions are created by `load_municipalities` (the
reference-data loader), as the municipalities were; editors add the other kinds.
"""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models

import organisations.models


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
        ("organisations", "0002_tables_named_after_organisations"),
    ]

    operations = [
        migrations.CreateModel(
            name="Organisation",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("kind", models.CharField(choices=[("municipality", "Kommun"), ("region", "Region"), ("county_board", "Länsstyrelse"), ("police_region", "Polisregion"), ("support_structure", "Regional stödstruktur (RSS/FoU)"), ("agency", "Nationell myndighet"), ("other", "Annan organisation")], max_length=20, verbose_name="slag")),
                ("name", models.CharField(max_length=150, verbose_name="namn")),
                ("slug", models.SlugField(max_length=160, unique=True, verbose_name="kortnamn i adresser")),
                ("code", models.CharField(blank=True, editable=False, help_text="Sätts av referensdatan; tom för organisationer som redaktörer lagt till.", max_length=10, null=True, unique=True, verbose_name="kod i referensdata")),
                ("municipality", models.OneToOneField(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="organisation", to="organisations.municipality", verbose_name="kommun")),
                ("counties", models.ManyToManyField(blank=True, help_text="De län organisationen verkar i. Tomt för nationella organisationer.", related_name="organisations", to="organisations.county", verbose_name="län")),
            ],
            options={
                "verbose_name": "organisation",
                "verbose_name_plural": "organisationer",
                "ordering": ["name"],
            },
        ),
        migrations.AddConstraint(
            model_name="organisation",
            constraint=models.CheckConstraint(
                condition=models.Q(("kind", "municipality"), ("municipality__isnull", False))
                | models.Q(models.Q(("kind", "municipality"), _negated=True), ("municipality__isnull", True)),
                name="organisation_is_a_municipality_exactly_when_its_kind_says",
            ),
        ),
        migrations.AlterField(
            model_name="municipalityemaildomain",
            name="municipality",
            field=modelcluster.fields.ParentalKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name="email_domains", to="organisations.municipality"),
        ),
        migrations.AddField(
            model_name="municipalityemaildomain",
            name="organisation",
            field=modelcluster.fields.ParentalKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name="email_domains", to="organisations.organisation"),
        ),
    ]
