"""Network members, coordinators and post authors point to organisations only."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0007_organisations_filled"),
    ]

    operations = [
        migrations.RemoveField(model_name="networkmembership", name="municipality"),
        migrations.RemoveField(model_name="network", name="coordinator_municipality"),
        migrations.RemoveField(model_name="post", name="author_municipality"),
        migrations.AlterField(
            model_name="networkmembership",
            name="organisation",
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="network_memberships", to="organisations.organisation", verbose_name="organisation"),
        ),
        migrations.AddConstraint(
            model_name="networkmembership",
            constraint=models.UniqueConstraint(fields=("network", "organisation"), name="one_membership_per_network"),
        ),
    ]
