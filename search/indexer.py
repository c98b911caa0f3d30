"""Draining the outbox into the index, one writer at a time."""

import logging

from whoosh.index import LockError

from .backends import get_backend
from .documents import all_keys, document_for
from .models import IndexOutbox

logger = logging.getLogger(__name__)
BATCH = 500


# A request that just committed waits this long for the writer, then leaves its rows to
# the next drain; the worker and the commands wait longer.
REQUEST_WRITER_TIMEOUT = 1.0
WORKER_WRITER_TIMEOUT = 10.0


def drain(limit=None, writer_timeout=WORKER_WRITER_TIMEOUT, rebuild_outdated=True):
    """Apply pending outbox rows to the index; returns how many rows were applied.

    Rows are deleted only after the index has committed them. Two drains at once wait
    for the writer in turn; a key applied twice is the same document twice (keys are
    unique in the index), so nothing is lost or duplicated."""
    backend = get_backend()
    if backend.is_outdated():
        if not rebuild_outdated:
            return 0  # a request does not rebuild: the rows wait for the worker or migrate
        rebuild_outdated_index()
    applied = 0
    while limit is None or applied < limit:
        rows = list(IndexOutbox.objects.order_by("id")[:BATCH])
        if not rows:
            break
        keys = list(dict.fromkeys(row.key for row in rows))
        changes = [(key, document_for(key)) for key in keys]
        with backend.writer(timeout=writer_timeout) as writer:
            backend.apply(changes, writer)
        IndexOutbox.objects.filter(id__in=[row.id for row in rows]).delete()
        applied += len(rows)
    return applied


def drain_quietly():
    """Drain after a request's commit; if the writer is busy (a rebuild, another drain),
    leave the rows for the next drain rather than fail the request."""
    try:
        drain(writer_timeout=REQUEST_WRITER_TIMEOUT, rebuild_outdated=False)
    except LockError:
        logger.info("Search index busy; the outbox will be drained later.")


def rebuild(progress=None):
    """Rebuild the whole index from the database, beside the current one, then swap."""
    documents = (document for key in all_keys() if (document := document_for(key)))
    count = get_backend().rebuild(documents, progress=progress)
    drain_quietly()  # what changed while the rebuild ran
    return count


def rebuild_outdated_index(**kwargs):
    """Rebuild an index that an earlier release built (other fields or analysis), beside
    it, while it serves searches. Runs after `migrate` and before a drain writes."""
    if get_backend().is_outdated():
        logger.warning("The search index was built by an earlier release: rebuilding it.")
        rebuild()
