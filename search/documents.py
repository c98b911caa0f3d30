"""What the search index holds: one document per key, built from the current database
state by the kind the key's app registered (search/registry.py). Never drafts, private
pages or members-only text: a page is built only when it is live and public, and each
kind builds only what it makes public."""

from wagtail.models import Page

from . import registry
from .registry import Document

__all__ = ["Document", "all_keys", "document_for"]


def document_for(key):
    """The document for a key as the database has it now, or None if it must not be found."""
    kind, _, identifier = key.partition(":")
    if kind == "page":
        page = Page.objects.live().public().filter(pk=identifier).first()
        if page is None:
            return None
        page = page.specific
        page_kind = registry.page_kind_for(page)
        return page_kind.build(page) if page_kind else None
    document_kind = registry.document_kind(kind)
    return document_kind.build(identifier) if document_kind else None


def all_keys():
    """Every key that may have a document: what a rebuild indexes."""
    keys = {}
    for page_kind in registry.page_kinds():
        pages = page_kind.page_model.objects.live().public()
        keys.update(dict.fromkeys(registry.page_keys(pages)))
    for document_kind in registry.document_kinds():
        keys.update(dict.fromkeys(document_kind.keys()))
    yield from keys
