"""PostgreSQL only (a no-op on SQLite): the optional extensions and a GIN index on the
search vector.

The index is on the same expression the PostgreSQL backend matches with (title A,
labels B, body C, parts D; see search/backends/postgres.py), so that `vector @@ query` reads the
index instead of computing every row's vector; tests/search/test_postgres_backend.py
checks that the planner uses it. A change to that expression needs a new index here.
(search/0009 replaces it with an index on a stored vector column.)

`unaccent` and `pg_trgm` are created where the database user may; without the privilege
the migration goes on, and search/backends/postgres_features.py tells the backend what
it has."""

from django.db import migrations, transaction

EXTENSIONS = ("unaccent", "pg_trgm")
INDEX = "search_document_vector_gin"
VECTOR = (
    "((setweight(to_tsvector('swedish'::regconfig, COALESCE(title, '')), 'A')"
    " || setweight(to_tsvector('simple'::regconfig, COALESCE(labels, '')), 'B'))"
    " || setweight(to_tsvector('swedish'::regconfig, COALESCE(body, '')), 'C'))"
    " || setweight(to_tsvector('swedish'::regconfig, COALESCE(parts, '')), 'D')"
)


def forward(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for extension in EXTENSIONS:
            try:
                with transaction.atomic(using=connection.alias):  # a savepoint
                    cursor.execute(f"CREATE EXTENSION IF NOT EXISTS {extension}")
            except Exception:  # noqa: BLE001, S110 - no privilege or not installed
                pass
        cursor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON search_searchdocument USING gin (({VECTOR}))"
        )


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
    # The extensions stay: other databases objects may use them by then.


class Migration(migrations.Migration):
    dependencies = [("search", "0004_search_query_day")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
