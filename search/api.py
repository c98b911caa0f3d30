"""The one interface to search. Views and other apps use this module, never a backend."""

import re

from .backends import FACETS, MAX_QUERY_LENGTH, get_backend
from .indexer import drain, rebuild

__all__ = ["FACETS", "MAX_QUERY_LENGTH", "drain", "rebuild", "search", "shorten"]


CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean(value):
    """A parameter without control characters (PostgreSQL refuses NUL in text)."""
    return CONTROL_CHARACTERS.sub("", value)


def shorten(query):
    """The query as it is searched: without control characters, stripped, and cut to
    MAX_QUERY_LENGTH characters, between words where there is a space to cut at."""
    query = clean(query).strip()
    if len(query) <= MAX_QUERY_LENGTH:
        return query
    head = query[: MAX_QUERY_LENGTH + 1]
    return (head.rsplit(None, 1)[0] if " " in head.strip() else head[:MAX_QUERY_LENGTH]).strip()


def search(query, filters=None, page=1, per_page=10, sort="relevance"):
    """Results for a query: hits with highlighted snippets, facet counts, a spelling
    suggestion. filters: {facet name: value}; sort: "relevance" or "date". A query
    longer than MAX_QUERY_LENGTH is searched as shorten() cuts it."""
    filters = {name: clean(str(value)) for name, value in (filters or {}).items() if name in FACETS}
    return get_backend().search(
        shorten(query), filters=filters, page=page, per_page=per_page, sort=sort
    )
