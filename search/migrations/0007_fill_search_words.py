"""PostgreSQL only (a no-op elsewhere): the words of the documents already indexed, and
a trigram index on them where pg_trgm is installed (search/0005 creates it where the
database user may), for "menade du"."""

from django.db import migrations

TABLE = "search_searchword"
INDEX = "search_word_trgm"


def forward(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {TABLE} (word) SELECT word FROM ts_stat("
            "'SELECT to_tsvector(''simple'', title || '' '' || body) FROM search_searchdocument'"
            ") WHERE length(word) <= 100 ON CONFLICT DO NOTHING"
        )
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        if cursor.fetchone():
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {INDEX} ON {TABLE} USING gin (word gin_trgm_ops)"
            )


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("search", "0006_search_word")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
