"""Changes that clear cached pages: any save or delete of a watched model, and Wagtail's
publish, unpublish, move and delete of pages."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import registry
from .store import invalidate


def row_tags(model, pk):
    """The row itself, and the pages that read its table's rows as a whole."""
    return [f"row:{registry.row_table(model)}:{pk}"] + [
        f"rows:{table}" for table in registry.tables_of(model)
    ]


def listing_tags(model):
    return [f"table:{table}" for table in registry.tables_of(model)]


def _saved(sender, instance, created, raw=False, **kwargs):
    if raw or isinstance(instance, Page) or not registry.is_watched(sender):
        return
    tags = row_tags(sender, instance.pk)
    if created or registry.lists_on_update(sender):
        tags += listing_tags(sender)
    invalidate(*tags)


def _deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        _page_changed(instance, listings=True)
    elif registry.is_watched(sender):
        invalidate(*row_tags(sender, instance.pk), *listing_tags(sender))


def _m2m_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and registry.is_watched(type(instance)):
        invalidate(*row_tags(type(instance), instance.pk), *listing_tags(sender))


def _page_changed(page, *, listings=False):
    """The pages that show this page (its row), the listings of its type (its own tables),
    and with `listings`, when it enters or leaves the tree, the menus: pages that list the
    page tree itself (only for a page shown in menus)."""
    tree = f"table:{Page._meta.db_table}"
    tags = row_tags(Page, page.pk) + [t for t in listing_tags(type(page)) if t != tree]
    if listings and page.show_in_menus:
        tags.append(tree)
    invalidate(*tags)


def _published(sender, instance, **kwargs):
    # The first publication adds the page to the menus.
    first = instance.first_published_at == instance.last_published_at
    _page_changed(instance, listings=first)


def _unpublished(sender, instance, **kwargs):
    _page_changed(instance, listings=True)


def _moved(sender, instance, **kwargs):
    _page_changed(instance.specific_deferred, listings=True)


def connect():
    post_save.connect(_saved, dispatch_uid="page-cache-saved")
    post_delete.connect(_deleted, dispatch_uid="page-cache-deleted")
    m2m_changed.connect(_m2m_changed, dispatch_uid="page-cache-m2m")
    page_published.connect(_published, dispatch_uid="page-cache-published")
    page_unpublished.connect(_unpublished, dispatch_uid="page-cache-unpublished")
    post_page_move.connect(_moved, dispatch_uid="page-cache-moved")
