"""What apps make searchable, declared by the apps themselves: search knows them only
through this registry.

An app registers its kinds of document from its wagtail_hooks.py:

    from search.registry import SEARCH_DOCUMENTS_HOOK

    @hooks.register(SEARCH_DOCUMENTS_HOOK)
    def register_search_documents():
        return [PageKind(...), DocumentKind(...), FacetLabels(...)]

- PageKind: a Page subclass and how to build its document. Search itself follows every
  page's publish, unpublish, move, delete and view restriction; drafts and private pages
  are never built. Keys are "page:<pk>".
- DocumentKind: any other model, with keys "<kind>:<identifier>": how to list every key
  (for a rebuild), how to build a document from an identifier (None when it must not be
  found), and the models whose saves and deletes change which keys.
- FacetLabels: the words shown for a facet's values (a county's name for its code).

A kind may set `weight` (1.0 by default): its documents' relevance is multiplied by it,
so that where two kinds answer the same words the one that weighs more comes first,
unless the query names the lighter kind ("workshop RBM").

Both kinds say in `depends_on` which documents show a snippet or other related model, so
that renaming a method re-indexes the pages and profiles that name it. Keys are computed
before a delete, while the relations still exist, and applied after the commit.

This module imports nothing from the apps nor from the rest of search, so apps may import
it (with Document and the text helpers) without pulling in a search backend.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Model
from django.dispatch import Signal
from django.utils.html import strip_tags
from wagtail import hooks

SEARCH_DOCUMENTS_HOOK = "register_search_documents"

# instance -> keys of the documents it changes
KeysOf = Callable[[Model], Iterable[str]]


@dataclass
class Document:
    """One entry of the index, as the database has it now."""

    key: str
    kind: str
    title: str
    body: str
    url: str
    support_areas: list = field(default_factory=list)
    prevention_levels: list = field(default_factory=list)
    target_groups: list = field(default_factory=list)  # slugs
    methods: list = field(default_factory=list)  # slugs
    county: str = ""
    year: int | None = None
    date: datetime | None = None


def text(*parts):
    """Plain text from parts that may hold markup; empty parts are left out."""
    return "\n".join(strip_tags(str(part)) for part in parts if part)


def stream_text(stream):
    """The searchable text of a StreamField value."""
    return text(*stream.stream_block.get_searchable_content(stream)) if stream else ""


def page_key(page):
    return f"page:{page.pk}"


def page_keys(pages):
    """Keys of a queryset of pages (live or not: a page that is not public is removed)."""
    return [f"page:{pk}" for pk in pages.values_list("pk", flat=True)]


def page_url(page):
    return page.get_url() or page.url_path


@dataclass(frozen=True)
class PageKind:
    kind: str
    label: str
    page_model: type
    build: Callable[[object], Document]  # the live, public, specific page -> its document
    depends_on: dict[type[Model], KeysOf] = field(default_factory=dict)
    weight: float = 1.0


@dataclass(frozen=True)
class DocumentKind:
    kind: str
    label: str
    keys: Callable[[], Iterable[str]]  # every key that may have a document
    build: Callable[[str], Document | None]  # identifier (after "kind:") -> document or None
    models: dict[type[Model], KeysOf] = field(default_factory=dict)
    depends_on: dict[type[Model], KeysOf] = field(default_factory=dict)
    # (signal, receiver kwargs -> keys): changes no model signal announces (bulk writes)
    signals: list[tuple[Signal, Callable[..., Iterable[str]]]] = field(default_factory=list)
    weight: float = 1.0

    def key(self, identifier):
        return f"{self.kind}:{identifier}"


@dataclass(frozen=True)
class FacetLabels:
    facet: str
    labels: Callable[[], dict]  # value -> label


_declared = {}  # the registered hook functions -> what they declare


def _registered():
    """What the apps declare, asked once per set of hook functions: a query asks for the
    kinds' labels and weights, and the hooks build their declarations anew each time."""
    functions = tuple(hooks.get_hooks(SEARCH_DOCUMENTS_HOOK))
    items = _declared.get(functions)
    if items is None:
        _declared.clear()
        items = _declared[functions] = [item for hook in functions for item in hook()]
    return items


def page_kinds():
    return [item for item in _registered() if isinstance(item, PageKind)]


def document_kinds():
    return [item for item in _registered() if isinstance(item, DocumentKind)]


def kinds():
    """Every registered kind of document, pages first."""
    return page_kinds() + document_kinds()


def kind_labels():
    return {kind.kind: kind.label for kind in kinds()}


def kind_weights():
    """{kind: weight} for the kinds that weigh other than 1.0."""
    return {kind.kind: kind.weight for kind in kinds() if kind.weight != 1.0}


def kind_label(kind):
    return str(kind_labels().get(kind, ""))


def facet_labels(facet):
    labels = {}
    for item in _registered():
        if isinstance(item, FacetLabels) and item.facet == facet:
            labels.update(item.labels())
    return labels


def page_kind_for(page):
    """The kind registered for a specific page's class (or the nearest registered base)."""
    by_model = {kind.page_model: kind for kind in page_kinds()}
    return next((by_model[cls] for cls in type(page).__mro__ if cls in by_model), None)


def document_kind(kind):
    return next((item for item in document_kinds() if item.kind == kind), None)


def followed_models():
    """{model: [instance -> keys, ...]} for every model whose saves and deletes matter."""
    followed = {}
    pairs = [pair for kind in page_kinds() for pair in kind.depends_on.items()]
    for kind in document_kinds():
        pairs += [*kind.models.items(), *kind.depends_on.items()]
    for model, keys_of in pairs:
        followed.setdefault(model, []).append(keys_of)
    return followed


def followed_signals():
    return [pair for kind in document_kinds() for pair in kind.signals]


# Similar documents, for an app below search ----------------------------------------------
#
# An app that must show what search finds (the question form shows published answers to
# similar questions) may not import search.api: search sits above it. Search registers its
# own finder under this hook (search/wagtail_hooks.py); the app calls find_similar().

SIMILAR_DOCUMENTS_HOOK = "find_similar_documents"


def find_similar(query, *, kind, limit=5):
    """Hits (search.backends.Hit: title, url, snippet_html) of documents of one kind that
    match the query, best first; [] if no finder is registered or the query is empty."""
    if not query or not query.strip():
        return []
    for finder in hooks.get_hooks(SIMILAR_DOCUMENTS_HOOK):
        return list(finder(query, kind=kind, limit=limit))
    return []
