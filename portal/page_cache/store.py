"""Entries and tag versions in the default cache (Redis in production).

An entry holds the response and, for each tag it depends on, the tag's version when it was
stored. Invalidating a tag sets its version to the current time, and the epoch to a new
value in the same write; a lookup compares the entry's versions with the current ones. A
page whose tags moved on while it rendered is not stored, so a render that read data from
before a change never outlives it.

While the epoch stays where it was, each process reuses the versions and entries it has
already checked (`local`): a hit then reads only the epoch.

Keys are under `pc2:`. The version before the epoch (`pc:`) bumped tags without moving an
epoch; during a rolling release its processes and these never share a key, and
`clear_page_cache`, once every process runs this release, clears what was stored meanwhile.
"""

import hashlib
import secrets
import time

from django.conf import settings
from django.core.cache import caches
from django.db import transaction

from . import registry
from .local import clock_skew, memory

EPOCH = "pc2:epoch"
# Every entry depends on this tag too, so that all pages can be cleared at once.
EVERYTHING = "everything"


def cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def timeout():
    return getattr(settings, "PAGE_CACHE_TIMEOUT", 3600)


def tag_timeout():
    """Tags outlive every entry that depends on them; an expired one is a miss."""
    return 2 * timeout()


def _remembering():
    """Whether this process may keep copies: not where reads go to several servers
    (replicas), since the epoch and the versions could then come from different ones."""
    servers = getattr(cache(), "_servers", [None])
    return getattr(settings, "PAGE_CACHE_LOCAL", True) and len(servers) == 1


def _tag_key(tag):
    return "pc2:tag:" + hashlib.md5(tag.encode(), usedforsecurity=False).hexdigest()


def entry_key(request):
    query = "&".join(sorted(request.GET.urlencode().split("&"))) if request.GET else ""
    # The scheme too: a page rendered for http carries http addresses (og:url, feed links).
    raw = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    return "pc2:page:" + hashlib.sha256(raw.encode()).hexdigest()


def lookup(key):
    """The entry stored under `key` if every tag it depends on is where it was."""
    remembering = _remembering()
    if remembering and memory.holds(key):
        epoch = cache().get(EPOCH)
        memory.sync(epoch)
        entry = memory.entry(key, epoch)
        if entry is not None:
            return entry
        entry = cache().get(key)
    else:  # one round trip for both
        found = cache().get_many([EPOCH, key])
        epoch, entry = found.get(EPOCH), found.get(key)
        memory.sync(epoch)
    if entry is None:
        return None
    if not remembering:
        epoch = None  # remember nothing
    tag_keys = {tag: _tag_key(tag) for tag in entry["tags"]}
    current = memory.versions(tag_keys.values(), epoch)
    missing = [k for k in tag_keys.values() if k not in current]
    if missing:
        fetched = cache().get_many(missing)
        memory.learn(fetched, epoch)
        current.update(fetched)
    for tag, version in entry["tags"].items():
        if current.get(tag_keys[tag]) != version:
            return None
    memory.keep(key, entry, epoch)
    return entry


def save(key, recording, response, started):
    tags = recording.all_tags() | {EVERYTHING}
    keys = {tag: _tag_key(tag) for tag in tags}
    current = cache().get_many(list(keys.values()))
    # A tag never seen, or evicted: it last changed at some time before this render began
    # (a change while it rendered would have set it). Never 0.0 or another fixed value: a
    # page stored with that version before a change and an eviction would match it again.
    unseen = started - clock_skew() - 0.001
    for tag_key in keys.values():
        if tag_key not in current:
            cache().add(tag_key, unseen, timeout=tag_timeout())
            current[tag_key] = cache().get(tag_key, unseen)
    if any(current[k] > started - clock_skew() for k in keys.values()):
        return False  # something it read changed while it rendered
    entry = {
        "tags": {tag: current[tag_key] for tag, tag_key in keys.items()},
        "status": response.status_code,
        "headers": [(k, v) for k, v in response.items() if k.lower() != "set-cookie"],
        "content": response.content,
    }
    lifetime = registry.lifetime_for(recording.read_tables(), timeout())
    entry["expires"] = time.time() + lifetime
    cache().add(EPOCH, _new_epoch(), timeout=tag_timeout())
    cache().set(key, entry, timeout=lifetime)
    return True


def _new_epoch():
    return secrets.token_hex(8)


def invalidate(*tags):
    """Clear every page that depends on any of `tags`, now and again when the current
    transaction commits (so a page rendered from the data before the commit cannot stay)."""
    tags = [t for t in tags if t]
    if not tags:
        return

    def bump():
        now = time.time()
        # One write: another process sees the new versions and the new epoch together.
        versions = {_tag_key(tag): now for tag in tags}
        cache().set_many({**versions, EPOCH: _new_epoch()}, timeout=tag_timeout())
        memory.forget()

    bump()
    transaction.on_commit(bump)


def clear():
    """Clear every cached page, on every app server (after a release changed templates)."""
    invalidate(EVERYTHING)


def invalidate_rows(model, pks):
    """After a QuerySet.update() of rows that pages show."""
    table = registry.row_table(model)
    invalidate(
        *[f"row:{table}:{pk}" for pk in pks], *[f"rows:{t}" for t in registry.tables_of(model)]
    )
