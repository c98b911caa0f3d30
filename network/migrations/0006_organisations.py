"""Networks are for organisations of any kind: the columns for members, coordinating
organisations and post authors (0007 fills them from the municipalities, 0008 drops those;
PostgreSQL wants the steps apart)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0005_municipality_in_organisations"),
        ("organisations", "0004_municipalities_become_organisations"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="networkmembership", name="one_membership_per_network"
        ),
        migrations.AlterField(
            model_name="networkmembership",
            name="municipality",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name="network_memberships", to="organisations.municipality"),
        ),
        migrations.AddField(
            model_name="networkmembership",
            name="organisation",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name="network_memberships", to="organisations.organisation", verbose_name="organisation"),
        ),
        migrations.AddField(
            model_name="network",
            name="coordinator_organisation",
            field=models.ForeignKey(blank=True, help_text="Organisationens kontaktpersoner tar emot ansökningar och bjuder in.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="coordinated_networks", to="organisations.organisation", verbose_name="samordnas av organisation"),
        ),
        migrations.AddField(
            model_name="post",
            name="author_organisation",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="organisations.organisation"),
        ),
    ]
