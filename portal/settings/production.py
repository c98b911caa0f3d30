"""Production: PostgreSQL, a shared Redis cache, WhiteNoise, secure cookies, HSTS, CSP.

Every value that differs between deployments comes from the environment; see
docs/deployment.md for the list and for the processes to run.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, MIDDLEWARE, SECRET_KEY, STORAGES, env_bool, env_list, os

DEBUG = False

if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3" and not env_bool(
    "ALLOW_SQLITE_IN_PRODUCTION"
):
    raise ImproperlyConfigured("Set DATABASE_URL to a PostgreSQL database in production.")

# Keep database connections open between requests, and check them before reuse.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("CONN_MAX_AGE", "60"))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# One Redis shared by every app server: allauth's rate-limit counters and the session
# cache must agree between servers. Sessions are cached_db, so a Redis restart signs
# nobody out.
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "kn"),
        "TIMEOUT": 300,
    }
}
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Static files from the app servers themselves, compressed and with hashed names that can
# be cached for ever. Run `manage.py collectstatic` on deploy.
MIDDLEWARE = [
    MIDDLEWARE[0],  # SecurityMiddleware first, then WhiteNoise, as WhiteNoise documents
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[1:],
]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# HTTPS only, behind a proxy that terminates TLS and sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_REFERRER_POLICY = "same-origin"
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"

# Search: the request path only queues changes; one `manage.py search_worker` process
# applies them, so no web worker ever waits for the index writer.
SEARCH_DRAIN_ON_COMMIT = env_bool("SEARCH_DRAIN_ON_COMMIT", False)

# Email: requests only queue; `manage.py send_queued_emails` sends and retries.
EMAIL_DRAIN_ON_COMMIT = env_bool("EMAIL_DRAIN_ON_COMMIT", False)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
