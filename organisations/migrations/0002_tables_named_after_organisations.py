"""The moved tables take the names of their new app (organisations_county, ...).

A rename, not a copy: PostgreSQL and SQLite (3.26+) carry the foreign keys that point to
the tables along with them.
"""

from django.db import migrations


class Migration(migrations.Migration):
    # After every migration that made a foreign key to the tables under their old names,
    # so a fresh database never renames a table before a key to it exists.
    dependencies = [
        ("organisations", "0001_initial"),
        ("events", "0003_municipality_in_organisations"),
        ("network", "0005_municipality_in_organisations"),
        ("portal", "0005_municipality_in_organisations"),
    ]

    operations = [
        migrations.AlterModelTable(name="county", table=None),
        migrations.AlterModelTable(name="municipality", table=None),
        migrations.AlterModelTable(name="municipalityemaildomain", table=None),
    ]
