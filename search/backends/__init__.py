"""Search backends behind one interface. Views use search.api, never a backend directly."""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.html import conditional_escape, format_html
from django.utils.module_loading import import_string
from django.utils.safestring import mark_safe

from search import language
from search.registry import kind_labels, kind_weights

BACKENDS = {
    "whoosh": "search.backends.whoosh.WhooshBackend",
    "postgres": "search.backends.postgres.PostgresBackend",
}

FACETS = ["kind", "support_area", "prevention_level", "target_group", "method", "county", "year"]
SNIPPET_LENGTH = 220
# What one request may ask of the index: a longer query is cut (the search page says
# so), and only so many unknown words are looked up for "menade du"; each look-up walks
# the word list, and a query of many unknown short words took 20-40 times as long.
MAX_QUERY_LENGTH = 200
MAX_CORRECTED_WORDS = 8
BETWEEN_FRAGMENTS = " … "
# When fewer pages than this have every word of a query, pages with some of them follow,
# the pages with every word weighing ALL_WORDS_BOOST times more.
RELAXED_BELOW = 5
ALL_WORDS_BOOST = 3.0


def kind_weights_for(words):
    """{kind: weight} for a query's words: the registry's kind weights, less the kinds
    whose label a query word names ("workshop RBM" weighs workshops as much as any)."""
    typed = {stem for word in words for stem in language.stems(word)}
    named = {
        kind
        for kind, label in kind_labels().items()
        if typed & {stem for w in language.words(str(label)) for stem in language.stems(w)}
    }
    return {kind: weight for kind, weight in kind_weights().items() if kind not in named}


def highlighted(parts):
    """Markup for a title or snippet from (text, matched) parts, as the index gives them.

    Every text is escaped; matched words are wrapped in <mark>. This is the only markup
    search output holds, so it is the only string the template may show unescaped."""
    return mark_safe(  # noqa: S308 - built from escaped parts only
        "".join(
            format_html('<mark class="match">{}</mark>', text)
            if matched
            else conditional_escape(text)
            for text, matched in parts
            if text
        )
    )


@dataclass
class Hit:
    key: str
    kind: str
    title: str
    url: str
    title_html: str = ""  # highlighted(): escaped text, matches in <mark>; "" if none
    snippet_html: str = ""  # highlighted(), never the raw body
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
