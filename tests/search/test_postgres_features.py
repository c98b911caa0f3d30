"""The PostgreSQL backend's optional extensions and its index (migration search/0005)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search import api
from search.backends import reset_backend
from search.backends.postgres_features import forget, has_trgm, has_unaccent

on_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL (run with DATABASE_URL)"
)


@pytest.fixture
def features():
    forget()
    yield
    forget()


@pytest.mark.skipif(connection.vendor == "postgresql", reason="the SQLite case")
@pytest.mark.django_db
def test_no_extensions_off_postgresql(features):
    assert not has_unaccent()
    assert not has_trgm()


@on_postgres
@pytest.mark.django_db
def test_extensions_are_reported_as_the_database_has_them(features):
    with connection.cursor() as cursor:
        cursor.execute("SELECT extname FROM pg_extension")
        installed = {row[0] for row in cursor.fetchall()}
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        superuser = cursor.fetchone()[0]
    assert has_unaccent() == ("unaccent" in installed)
    assert has_trgm() == ("pg_trgm" in installed)
    if superuser:  # the migration may create them, so it did
        assert has_unaccent() and has_trgm()


@on_postgres
@pytest.mark.django_db
def test_matching_reads_the_vector_index(settings):
    """If the backend's vector and the migration's index drift apart, every search
    computes every document's vector again: seconds at 10,000 documents."""
    settings.SEARCH_BACKEND = "postgres"
    reset_backend()
    try:
        with CaptureQueriesContext(connection) as captured:
            api.search("samverkan skola")
    finally:
        reset_backend()
    counting = [q["sql"] for q in captured.captured_queries if "COUNT(*)" in q["sql"]]
    assert counting
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # the table is tiny here
        cursor.execute("EXPLAIN " + counting[0])
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "search_document_vector_gin" in plan, plan
