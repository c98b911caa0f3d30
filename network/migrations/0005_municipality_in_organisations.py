"""Counties, municipalities and email domains now belong to organisations.

State only: network's foreign keys point to organisations.Municipality, and network stops
owning the three models. The tables and every row stay (organisations 0001 took them over).
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("events", "0003_municipality_in_organisations"),
        ("network", "0004_networks_and_profiles"),
        ("organisations", "0001_initial"),
        ("portal", "0005_municipality_in_organisations"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="network",
                    name="coordinator_municipality",
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="coordinated_networks", to="organisations.municipality", verbose_name="samordnas av kommun"),
                ),
                migrations.AlterField(
                    model_name="networkmembership",
                    name="municipality",
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="network_memberships", to="organisations.municipality"),
                ),
                migrations.AlterField(
                    model_name="municipalityprofile",
                    name="municipality",
                    field=models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name="profile", to="organisations.municipality"),
                ),
                migrations.AlterField(
                    model_name="post",
                    name="author_municipality",
                    field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="organisations.municipality"),
                ),
                migrations.DeleteModel(name="MunicipalityEmailDomain"),
                migrations.DeleteModel(name="Municipality"),
                migrations.DeleteModel(name="County"),
            ],
        ),
    ]
