"""Organisations, and a column on the email domains for theirs.

0004 makes every municipality an organisation and moves its domains; 0005 drops the old
column. The steps are apart because PostgreSQL cannot alter a table in the transaction that
changed its rows. Regions, county boards and police regions are created by
`load_municipalities`; editors add the other kinds.
"""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


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
