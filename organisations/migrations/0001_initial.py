"""Counties, municipalities and their email domains move here from network.

The tables stay where network created them (network 0001 and 0002): this migration only
tells Django's state that organisations owns them, and moves their content types, so the
editors' permissions, Wagtail's log entries and references follow the models.
"""

import re

import django.core.validators
import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models

MODELS = ["county", "municipality", "municipalityemaildomain"]


def move_content_types(from_label, to_label):
    def move(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        db = schema_editor.connection.alias
        taken = set(
            ContentType.objects.using(db)
            .filter(app_label=to_label, model__in=MODELS)
            .values_list("model", flat=True)
        )
        ContentType.objects.using(db).filter(
            app_label=from_label, model__in=[model for model in MODELS if model not in taken]
        ).update(app_label=to_label)

    return move


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("network", "0002_municipalityemaildomain"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="County",
                    fields=[
                        ("code", models.CharField(max_length=2, primary_key=True, serialize=False, verbose_name="länskod")),
                        ("name", models.CharField(max_length=60, unique=True, verbose_name="namn")),
                    ],
                    options={
                        "verbose_name": "län",
                        "verbose_name_plural": "län",
                        "ordering": ["code"],
                        "db_table": "network_county",
                    },
                ),
                migrations.CreateModel(
                    name="Municipality",
                    fields=[
                        ("code", models.CharField(max_length=4, primary_key=True, serialize=False, verbose_name="kommunkod")),
                        ("name", models.CharField(max_length=60, verbose_name="namn")),
                        ("slug", models.SlugField(max_length=70, unique=True, verbose_name="kortnamn i adresser")),
                        ("population", models.PositiveIntegerField(verbose_name="folkmängd")),
                        ("population_year", models.PositiveSmallIntegerField(verbose_name="folkmängd per år")),
                        ("group_code", models.CharField(blank=True, max_length=2, verbose_name="kommungrupp (SKR)")),
                        ("group_name", models.CharField(blank=True, max_length=80, verbose_name="kommungruppens namn")),
                        ("pilot_year", models.PositiveSmallIntegerField(blank=True, help_text="Året kommunen började delta i pilotverksamheten med förstärkningsteam.", null=True, verbose_name="pilotkommun sedan")),
                        ("county", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="municipalities", to="organisations.county", verbose_name="län")),
                    ],
                    options={
                        "verbose_name": "kommun",
                        "verbose_name_plural": "kommuner",
                        "ordering": ["name"],
                        "db_table": "network_municipality",
                    },
                ),
                migrations.CreateModel(
                    name="MunicipalityEmailDomain",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("domain", models.CharField(max_length=253, unique=True, validators=[django.core.validators.RegexValidator("^(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,}$", "Ange en domän som uppsala.se, utan @ och utan https://.", flags=re.RegexFlag["IGNORECASE"])], verbose_name="e-postdomän")),
                        ("municipality", modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name="email_domains", to="organisations.municipality")),
                    ],
                    options={
                        "verbose_name": "e-postdomän",
                        "verbose_name_plural": "e-postdomäner",
                        "ordering": ["domain"],
                        "db_table": "network_municipalityemaildomain",
                    },
                ),
            ],
        ),
        migrations.RunPython(
            move_content_types("network", "organisations"),
            move_content_types("organisations", "network"),
        ),
    ]
