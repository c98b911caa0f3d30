"""The one interface to search. Views and other apps use this module, never a backend."""

from .backends import FACETS, get_backend
from .indexer import drain, rebuild

__all__ = ["FACETS", "drain", "rebuild", "search"]


def search(query, filters=None, page=1, per_page=10, sort="relevance"):
    """Results for a query: hits with highlighted snippets, facet counts, a spelling
    suggestion. filters: {facet name: value}; sort: "relevance" or "date"."""
    filters = {name: value for name, value in (filters or {}).items() if name in FACETS}
    return get_backend().search(
        query.strip(), filters=filters, page=page, per_page=per_page, sort=sort
    )
