"""Whole public pages, cached for visitors who are not signed in, invalidated exactly.

While a page renders, `recorder` notes what it reads: every row loaded into a model
instance (`row:` tags, through Django's post_init signal) and every table it lists from
(`table:` tags, from the SQL it runs). The entry is stored with those tags and their
versions; `signals` bumps the tags when something changes, and an entry whose tags moved on
is a miss. So a page is cleared exactly when a row it showed changes, or when a row is
added to or removed from a table it listed.

What an app does to plug in (docs/page-cache.md says more):

- nothing, for a model of a watched app (`PAGE_CACHE_APPS`) saved through the ORM;
- `watch(Model, listings_on_update=True)` where an update can move a row into or out of a
  listing (a status, a public flag);
- `volatile(Model, seconds)` for rows changed with QuerySet.update() (seat counters):
  pages that read them live only that long;
- `allow_query(request, names)` from a listing that keys on filters in the URL;
- `never(request)` (or Django's `never_cache`) for a page that must not be cached;
- `invalidate_rows(Model, pks)` after a QuerySet.update() of rows a page shows.
"""

from .recorder import allow_query, depends_on, never
from .registry import volatile, watch
from .store import invalidate, invalidate_rows

__all__ = [
    "allow_query",
    "depends_on",
    "invalidate",
    "invalidate_rows",
    "never",
    "volatile",
    "watch",
]
