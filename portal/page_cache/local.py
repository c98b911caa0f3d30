"""What one app server process remembers of the shared cache, while nothing has changed.

Every invalidation, on any app server, sets one shared key, the epoch, to a new value in
the same write as the tag versions it bumps. While the epoch a process reads is the one it
last saw, no tag anywhere has moved, so the tag versions it has already read and the
entries it has already checked are still current. A cache hit then costs one small read
(the epoch) instead of the entry plus one read per tag (about 40 per page).

When the epoch moves, everything remembered is dropped. Entries are also dropped at their
own expiry less PAGE_CACHE_CLOCK_SKEW (the saving server's clock set it; pages that show
seats live seconds) and, oldest first, beyond PAGE_CACHE_LOCAL_BYTES or MAX_ENTRIES.
Where the epoch is missing (the cache was emptied, or evicted it) nothing is remembered and
every lookup checks the shared cache in full; PAGE_CACHE_LOCAL = False does the same.
"""

import threading
import time
from collections import OrderedDict

from django.conf import settings

MAX_VERSIONS = 100_000
MAX_ENTRIES = 5_000
# What an entry costs besides its body: its headers, and the dict of its tags.
ENTRY_OVERHEAD = 4096
TAG_OVERHEAD = 150


# App servers' clocks may differ this much (they keep NTP time).
def clock_skew():
    return getattr(settings, "PAGE_CACHE_CLOCK_SKEW", 2.0)


def max_bytes():
    return getattr(settings, "PAGE_CACHE_LOCAL_BYTES", 16 * 1024 * 1024)


def _size(entry):
    return len(entry["content"]) + ENTRY_OVERHEAD + TAG_OVERHEAD * len(entry["tags"])


def _fresh(entry):
    """Not past its expiry by any app server's clock (the saving one set it)."""
    return entry.get("expires", 0) - clock_skew() > time.time()


class Memory:
    def __init__(self):
        self._lock = threading.Lock()
        self._epoch = None
        self._versions = {}
        self._entries = OrderedDict()  # key -> entry, least recently used first
        self._bytes = 0

    def sync(self, epoch):
        """Start from what is remembered at `epoch`; forget everything if it moved."""
        with self._lock:
            if epoch is None or epoch != self._epoch:
                self._forget()
                self._epoch = epoch

    def forget(self):
        with self._lock:
            self._forget()
            self._epoch = None

    def _forget(self):
        self._versions.clear()
        self._entries.clear()
        self._bytes = 0

    def holds(self, key):
        return key in self._entries

    def entry(self, key, epoch):
        if epoch is None:
            return None
        with self._lock:
            if epoch != self._epoch:
                return None
            entry = self._entries.get(key)
            if entry is None:
                return None
            if not _fresh(entry):
                self._drop(key)
                return None
            self._entries.move_to_end(key)
            return entry

    def keep(self, key, entry, epoch):
        """Remember an entry checked against the tag versions current at `epoch`."""
        size = _size(entry)
        if epoch is None or size > max_bytes() or not _fresh(entry):
            return
        with self._lock:
            if epoch != self._epoch:
                return
            if key in self._entries:
                self._drop(key)
            self._entries[key] = entry
            self._bytes += size
            while self._bytes > max_bytes() or len(self._entries) > MAX_ENTRIES:
                self._drop(next(iter(self._entries)))

    def _drop(self, key):
        self._bytes -= _size(self._entries.pop(key))

    def versions(self, tag_keys, epoch):
        """The versions known at `epoch` of those of `tag_keys` this process has read."""
        with self._lock:
            if epoch is None or epoch != self._epoch:
                return {}
            return {k: self._versions[k] for k in tag_keys if k in self._versions}

    def learn(self, versions, epoch):
        if epoch is None:
            return
        with self._lock:
            if epoch != self._epoch:
                return
            if len(self._versions) + len(versions) > MAX_VERSIONS:
                self._versions.clear()
            self._versions.update(versions)


memory = Memory()
