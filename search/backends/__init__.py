"""Search backends behind one interface. Views use search.api, never a backend directly."""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.module_loading import import_string

BACKENDS = {
    "whoosh": "search.backends.whoosh.WhooshBackend",
    "postgres": "search.backends.postgres.PostgresBackend",
}

FACETS = ["kind", "support_area", "prevention_level", "county", "year"]


@dataclass
class Hit:
    key: str
    kind: str
    title: str
    url: str
    title_html: str = ""
    snippet_html: str = ""
    year: str = ""
    date: object = None  # what "sort by date" orders by


@dataclass
class Results:
    query: str
    hits: list
    total: int
    page: int
    num_pages: int
    facets: dict = field(default_factory=dict)  # name -> {value: count}
    suggestion: str = ""  # "menade du ...?"
    corrected_from: str = ""  # the query was corrected because it found nothing


_backend = None


def get_backend():
    global _backend
    name = getattr(settings, "SEARCH_BACKEND", "whoosh")
    if _backend is None or _backend.name != name:
        _backend = import_string(BACKENDS[name])()
    return _backend


def reset_backend():
    global _backend
    _backend = None
