"""Production: PostgreSQL, a shared Redis cache, WhiteNoise, secure cookies, HSTS, CSP.

This is the default of manage.py and wsgi.py: where nothing is set, the portal runs as in
production or refuses to start (no SECRET_KEY, a public key, SQLite). Development sets
DJANGO_SETTINGS_MODULE=config.settings.dev (the Makefile does).

Every value that differs between deployments comes from the environment; see
docs/deployment.md for the list and for the processes to run.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    DATABASES,
    MIDDLEWARE,
    PUBLIC_SECRET_KEYS,
    SECRET_KEY,
    STORAGES,
    env_bool,
    env_list,
    os,
)

DEBUG = False

if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")
if SECRET_KEY in PUBLIC_SECRET_KEYS:
    raise ImproperlyConfigured(
        "SECRET_KEY is the development (or test) key, which is public: set a secret one "
        "in production."
    )
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
        "BACKEND": "portal.redis_cache.RedisCache",
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

# Behind the proxy every request comes from the proxy's address, so allauth's rate limits
# (failed logins, sign-ups, password resets) must count the client's address instead, or
# ten failed logins lock everyone out. By default the portal trusts one proxy: the client
# is the last address in X-Forwarded-For, the one the proxy itself appended (earlier
# entries are whatever the client sent). Set TRUSTED_PROXY_COUNT to the number of proxies
# that append to the header, or TRUSTED_CLIENT_IP_HEADER to a header that only the proxy
# sets (e.g. X-Real-IP). See docs/deployment.md.
try:
    ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "1"))
except ValueError as error:
    raise ImproperlyConfigured("TRUSTED_PROXY_COUNT must be a whole number.") from error
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = os.environ.get("TRUSTED_CLIENT_IP_HEADER") or None
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Load balancers ask /healthz over plain HTTP from inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
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
