"""/healthz for load balancers: 200 when the app server can serve, 503 when it cannot.

The body names each check and says ok or fail, nothing else: no versions, paths, counts
or error texts (those go to the log). A backlog fails when its oldest waiting row is
older than HEALTHZ_BACKLOG_MINUTES: the worker that drains it has stopped.
"""

import datetime
import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from portal.models import OutgoingEmail
from search import api as search_api
from search.models import IndexOutbox

logger = logging.getLogger(__name__)


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def _cache():
    key, value = "healthz:probe", uuid.uuid4().hex
    cache.set(key, value, timeout=30)
    return cache.get(key) == value


def _search_index():
    search_api.search("kommun", per_page=1)
    return True


def _too_old():
    minutes = getattr(settings, "HEALTHZ_BACKLOG_MINUTES", 15)
    return timezone.now() - datetime.timedelta(minutes=minutes)


def _outbox_backlog():
    return not IndexOutbox.objects.filter(created_at__lt=_too_old()).exists()


def _email_backlog():
    waiting = OutgoingEmail.objects.filter(
        status=OutgoingEmail.Status.QUEUED, next_attempt_at__lt=_too_old()
    )
    return not waiting.exists()


CHECKS = {
    "database": _database,
    "cache": _cache,
    "search_index": _search_index,
    "outbox_backlog": _outbox_backlog,
    "email_queue_backlog": _email_backlog,
}


@never_cache
def healthz(request):
    results = {}
    for name, check in CHECKS.items():
        try:
            results[name] = bool(check())
        except Exception:  # a health check reports, it never fails itself
            logger.exception("healthz: %s failed", name)
            results[name] = False
    body = "".join(f"{name} {'ok' if ok else 'fail'}\n" for name, ok in results.items())
    status = 200 if all(results.values()) else 503
    return HttpResponse(body, status=status, content_type="text/plain; charset=utf-8")
