"""What the PostgreSQL database offers the search backend beyond core full-text search.

Migration search/0005 runs `CREATE EXTENSION IF NOT EXISTS` for `unaccent` and `pg_trgm`
where the database user may (a superuser, or a trusted extension for the database's
owner: pg_trgm is trusted from PostgreSQL 13, unaccent too); where it may not, the
migration goes on without them. These functions say whether they are there, asked once
per process (an administrator who adds one later restarts the app servers):

- has_unaccent(): fold å/ä/ö and other accents (`unaccent(...)`) for people who type
  without them. Fallback without it: no folding; a word must be typed with its accents,
  as the backend has always done.
- has_trgm(): trigram similarity (`similarity()`, `%`) for spelling suggestions
  ("menade du") from the indexed words. Fallback without it: no suggestions.

On SQLite (or any other database) both are False.
"""

from functools import cache

from django.db import connection


@cache
def installed_extensions():
    if connection.vendor != "postgresql":
        return frozenset()
    with connection.cursor() as cursor:
        cursor.execute("SELECT extname FROM pg_extension")
        return frozenset(row[0] for row in cursor.fetchall())


def has_unaccent():
    return "unaccent" in installed_extensions()


def has_trgm():
    return "pg_trgm" in installed_extensions()


def forget():
    """Ask the database again on the next call (tests, after CREATE/DROP EXTENSION)."""
    installed_extensions.cache_clear()
