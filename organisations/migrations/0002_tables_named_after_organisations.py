"""The moved tables take the names of their new app (organisations_county, ...).

A rename, not a copy: PostgreSQL and SQLite (3.26+) carry the foreign keys that point to
the tables along with them.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0001_initial"),
    ]

    operations = [
        migrations.AlterModelTable(name="county", table=None),
        migrations.AlterModelTable(name="municipality", table=None),
        migrations.AlterModelTable(name="municipalityemaildomain", table=None),
    ]
