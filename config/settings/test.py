"""Test settings: fast hashing, in-memory cache and email, no outside services."""

from pathlib import Path

from .base import *  # noqa: F403
from .base import TEST_SECRET_KEY

DEBUG = False
SECRET_KEY = TEST_SECRET_KEY
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]

import tempfile  # noqa: E402

# A file, not SQLite's shared in-memory database: the concurrency tests need real
# locking between connections, with the busy timeout from base.py. One file per test run,
# so two runs at once (a targeted run beside the whole suite) do not share a database.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    _test_db_dir = tempfile.mkdtemp(prefix="kn-test-db-")
    DATABASES["default"]["TEST"] = {"NAME": str(Path(_test_db_dir) / "test.sqlite3")}  # noqa: F405

# A fresh, temporary search index for each test run.

SEARCH_INDEX_DIR = tempfile.mkdtemp(prefix="kn-search-test-")

# The page cache is off for the suite, whose tests change rows behind the ORM's back
# (QuerySet.update, raw fixtures) and read pages twice; tests/portal/test_page_cache.py
# turns it on and shows that it clears exactly what it must.
PAGE_CACHE_ENABLED = False
PAGE_CACHE_CLOCK_SKEW = 0.0
