"""Which models the page cache watches, and how a change to each clears pages.

Every model of an app in settings.PAGE_CACHE_APPS is watched by default. An app changes
that from its AppConfig.ready() (or wagtail_hooks.py) with the functions below.
"""

from functools import cache

from django.apps import apps
from django.conf import settings

DEFAULT_APPS = ("organisations", "portal", "network", "events", "support", "taggit")

_listings_on_update = set()
_watched_extra = set()
_ignored = set()
_volatile = {}  # db_table -> seconds


def watch(model, *, listings_on_update=False):
    """Watch `model` even outside PAGE_CACHE_APPS. With `listings_on_update`, saving an
    existing row also clears every page that listed rows of its table: for models where
    an update can move a row into or out of a listing (a status, a public flag)."""
    _ignored.discard(model._meta.label_lower)
    _watched_extra.add(model._meta.label_lower)
    if listings_on_update:
        _listings_on_update.add(model._meta.label_lower)


def ignore(model):
    """Never clear pages for changes to `model` (queues, logs: rows no page shows)."""
    _ignored.add(model._meta.label_lower)


def volatile(model, seconds):
    """Pages that read `model`'s table live at most `seconds` (a number, or a function
    giving it, to read a setting): for rows changed with QuerySet.update(), which sends no
    signal (seat counters)."""
    _volatile[model._meta.db_table] = seconds


def is_watched(model):
    label = model._meta.label_lower
    if label in _ignored or model._meta.auto_created:
        return False
    apps = getattr(settings, "PAGE_CACHE_APPS", DEFAULT_APPS)
    return label in _watched_extra or model._meta.app_label in apps


def lists_on_update(model):
    return model._meta.label_lower in _listings_on_update


def lifetime_for(tables, default):
    """The entry's time to live: the shortest of the volatile tables it read."""
    seconds = [_volatile[t] for t in tables if t in _volatile]
    return min([s() if callable(s) else s for s in seconds] + [default])


def tables_of(model):
    """The model's own table and its concrete parents' (multi-table inheritance)."""
    meta = model._meta.concrete_model._meta
    return [meta.db_table] + [parent._meta.db_table for parent in meta.get_parent_list()]


def row_table(model):
    """The table that names a row: the root of a multi-table chain, so that a page and
    its specific subclass share one tag."""
    parents = model._meta.concrete_model._meta.get_parent_list()
    return (parents[-1] if parents else model._meta.concrete_model)._meta.db_table


@cache
def page_tables():
    """The tables of Wagtail's page models (the page tree and each page type's own)."""
    from wagtail.models import Page

    return frozenset(
        table
        for model in apps.get_models()
        if issubclass(model, Page)
        for table in tables_of(model)
    )
