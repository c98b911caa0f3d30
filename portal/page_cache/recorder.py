"""What a page reads while it renders: rows (post_init), listed tables (its SQL)."""

import contextvars
import re
from collections import defaultdict
from contextlib import contextmanager

from django.db import connection
from django.db.models.signals import post_init

from . import registry

# A page that loads more rows of one table than this depends on the table's rows as a
# whole (`rows:` tag, cleared by any save in it) instead of one tag per row.
MANY_ROWS = 50

_current = contextvars.ContextVar("page_cache_recording", default=None)
TABLES = re.compile(r'\b(?:FROM|JOIN)\s+"?([A-Za-z0-9_]+)"?', re.IGNORECASE)
# Model.objects.get() adds LIMIT 21. For a page table that is Wagtail's routing fetching
# the page served (post_init records its row), not a listing of pages. For other tables a
# get() counts as reading the table: a row that was missing (a profile not made yet) may be
# added.
SINGLE_ROW = re.compile(r"\bLIMIT 21\s*$", re.IGNORECASE)


class Recording:
    def __init__(self):
        self.rows = defaultdict(set)
        self.tables = set()
        self.tags = set()
        self.query_names = set()
        self.cacheable = True

    def execute(self, execute, sql, params, many, context):
        if sql.lstrip()[:6].upper() == "SELECT":
            tables = TABLES.findall(sql)
            if SINGLE_ROW.search(sql):
                tables = [t for t in tables if t not in registry.page_tables()]
            self.tables.update(tables)
        return execute(sql, params, many, context)

    def all_tags(self):
        tags = set(self.tags)
        for table, pks in self.rows.items():
            if len(pks) > MANY_ROWS:
                tags.add(f"rows:{table}")
            else:
                tags.update(f"row:{table}:{pk}" for pk in pks)
        tags.update(f"table:{table}" for table in self.tables)
        return tags

    def read_tables(self):
        return self.tables | set(self.rows)


def _instance_loaded(sender, instance, **kwargs):
    recording = _current.get()
    if recording is not None and instance.pk is not None:
        recording.rows[registry.row_table(sender)].add(instance.pk)


post_init.connect(_instance_loaded, dispatch_uid="page-cache-row-read")


@contextmanager
def recording():
    rec = Recording()
    token = _current.set(rec)
    try:
        with connection.execute_wrapper(rec.execute):
            yield rec
    finally:
        _current.reset(token)


def depends_on(*tags):
    """Add tags by hand, for what the automatic recording cannot see."""
    rec = _current.get()
    if rec is not None:
        rec.tags.update(tags)


def allow_query(request, names):
    """This page keys on these query-string parameters (a listing's filters, its page
    number): a URL with them may be cached. A URL with any other parameter is not."""
    rec = _current.get()
    if rec is not None:
        rec.query_names.update(names)


def never(request=None):
    """Do not cache the page being rendered."""
    rec = _current.get()
    if rec is not None:
        rec.cacheable = False
