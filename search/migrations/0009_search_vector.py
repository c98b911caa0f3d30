"""The PostgreSQL backend's search vector as a stored column, kept by the backend when it
writes a document, with the GIN index on the column instead of on the expression
(search/0005): ranking then reads each matched document's stored vector instead of
computing it again from the text, which at 100,000 documents was most of a query.

The column exists on every database (a text column on SQLite, which never fills it);
the index and the filling are PostgreSQL only."""

import django.contrib.postgres.search
from django.db import migrations

INDEX = "search_document_vector_gin"
# As search.backends.postgres.VECTOR writes it (title A, labels B, body C, parts D).
VECTOR = (
    "setweight(to_tsvector('swedish'::regconfig, COALESCE(title, '')), 'A')"
    " || setweight(to_tsvector('simple'::regconfig, COALESCE(labels, '')), 'B')"
    " || setweight(to_tsvector('swedish'::regconfig, COALESCE(body, '')), 'C')"
    " || setweight(to_tsvector('swedish'::regconfig, COALESCE(parts, '')), 'D')"
)


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
    schema_editor.execute(f"UPDATE search_searchdocument SET vector = {VECTOR}")
    schema_editor.execute(f"CREATE INDEX {INDEX} ON search_searchdocument USING gin (vector)")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from importlib import import_module

    expression = import_module("search.migrations.0005_postgres_extensions_and_vector_index")
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
    schema_editor.execute(
        f"CREATE INDEX {INDEX} ON search_searchdocument USING gin (({expression.VECTOR}))"
    )


class Migration(migrations.Migration):
    dependencies = [("search", "0008_document_target_groups_and_methods")]

    operations = [
        migrations.AddField(
            model_name="searchdocument",
            name="vector",
            field=django.contrib.postgres.search.SearchVectorField(null=True),
        ),
        migrations.RunPython(forward, backward, elidable=False),
    ]
