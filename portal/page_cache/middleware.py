"""Serve and store whole pages for visitors who are not signed in.

A request is a candidate when it is a GET or HEAD, carries no session cookie and no
messages cookie (so the visitor is not signed in and has nothing waiting to be shown), and
its path is not under PAGE_CACHE_SKIP_PATHS. A response is stored when it is a 200 that
sets no cookie (a page with a CSRF token sets one), is not marked private or no-cache, was
rendered for an anonymous visitor with no messages, and every query-string parameter is one
the page keys on (`allow_query`).
"""

import time

from django.conf import settings
from django.http import HttpResponse

from . import recorder, store

DEFAULT_SKIP = ("/admin/", "/konto/", "/mina-sidor/", "/documents/", "/healthz", "/sok/")


def is_candidate(request):
    if not getattr(settings, "PAGE_CACHE_ENABLED", True):
        return False
    if request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    if getattr(settings, "MESSAGE_COOKIE_NAME", "messages") in request.COOKIES:
        return False
    skip = getattr(settings, "PAGE_CACHE_SKIP_PATHS", DEFAULT_SKIP)
    return not request.path.startswith(tuple(skip)) and not request.path.startswith(
        settings.STATIC_URL
    )


def is_storable(request, response, recording):
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or not recording.cacheable:
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-cache", "no-store")):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    messages = getattr(request, "_messages", None)
    if messages is not None and getattr(messages, "_queued_messages", None):
        return False
    return set(request.GET) <= recording.query_names


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_candidate(request):
            return self.get_response(request)
        key = store.entry_key(request)
        entry = store.lookup(key)
        if entry is not None:
            return self.from_entry(request, entry)
        started = time.time()
        with recorder.recording() as recording:
            response = self.get_response(request)
        if is_storable(request, response, recording):
            store.save(key, recording, response, started)
        response["X-Page-Cache"] = "miss"
        return response

    def from_entry(self, request, entry):
        content = b"" if request.method == "HEAD" else entry["content"]
        response = HttpResponse(content, status=entry["status"])
        for header, value in entry["headers"]:
            response[header] = value
        response["X-Page-Cache"] = "hit"
        return response
