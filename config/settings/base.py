"""Settings shared by every environment.

Everything that differs between machines comes from environment variables with safe
local defaults, so that a fresh checkout runs with nothing but Python.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
# Keys written in this repository, hence public: dev.py and test.py use them, and
# production.py refuses every one of them.
DEVELOPMENT_SECRET_KEY = "dev-only-insecure-key-change-me"
TEST_SECRET_KEY = "test-only-secret-key"
PUBLIC_SECRET_KEYS = {DEVELOPMENT_SECRET_KEY, TEST_SECRET_KEY}
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")

INSTALLED_APPS = [
    "portal",
    "organisations",
    "network",
    "events",
    "support",
    "opendata",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",  # editors pin pages for a query (search's admin)
    "wagtail.embeds",
    "wagtail.sites",
    "portal.apps.PortalUsersAppConfig",  # wagtail.users, with guarded user forms
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",  # provider_class: portal.sso
    "multiselectfield",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "csp",
    # Last: its ready() reads what every other app registered through Wagtail hooks.
    "search",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Early, so that a cached page costs no session, CSRF or database work.
    "portal.page_cache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.middleware.ContentSecurityPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite in the project folder unless DATABASE_URL says otherwise. IMMEDIATE transactions
# and a busy timeout make concurrent writers wait for the lock instead of failing.
SQLITE_PATH = os.environ.get("SQLITE_PATH", str(BASE_DIR / "db.sqlite3"))
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{SQLITE_PATH}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )

# Content security policy (django-csp), in every environment so that the browser tests
# see what production serves: the portal's own files only, no inline scripts or styles.
# Wagtail's admin gets inline scripts and styles (portal/middleware.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "portal.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Svenska"))]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "kunskapsnatverket",
    }
}

# Whole public pages for visitors who are not signed in (portal/page_cache/, docs/page-cache.md),
# in the default cache: Redis in production, so every app server shares them.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", "3600"))
# Pages that show seats left on a workshop live this long at most.
PAGE_CACHE_SEATS_TIMEOUT = int(os.environ.get("PAGE_CACHE_SEATS_TIMEOUT", "5"))

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Kunskapsnätverket <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Seconds to wait for the mail server before a try counts as failed (Django waits for ever).
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
# Emails leave through an outbox (portal/services/email_queue.py). Embedded default: sent
# right after the transaction that queued them commits. In production set it off and run
# `manage.py send_queued_emails`. Sent and given-up emails are forgotten after EMAIL_KEEP_DAYS.
EMAIL_DRAIN_ON_COMMIT = env_bool("EMAIL_DRAIN_ON_COMMIT", True)
EMAIL_KEEP_DAYS = int(os.environ.get("EMAIL_KEEP_DAYS", "30"))

# Messages between organisations through the portal (network.services.contact): at most
# this many per sender in 24 hours, and this many per sender and receiving organisation.
CONTACT_MESSAGES_PER_DAY = int(os.environ.get("CONTACT_MESSAGES_PER_DAY", "10"))
CONTACT_MESSAGES_PER_RECIPIENT_PER_DAY = int(
    os.environ.get("CONTACT_MESSAGES_PER_RECIPIENT_PER_DAY", "1")
)

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Accounts (django-allauth): email is the login, verified before first sign-in.
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:my_pages"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "portal.accounts.forms.SignupDetailsForm"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_ADAPTER = "portal.accounts.adapter.AccountAdapter"  # emails through the outbox
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = 3
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Kunskapsnätverket] "
ACCOUNT_PRESERVE_USERNAME_CASING = False
ACCOUNT_SESSION_REMEMBER = None
# Show the login form to signed-in people too: Wagtail sends those without admin access
# to it, and redirecting them onward would loop.
ACCOUNT_AUTHENTICATED_LOGIN_REDIRECTS = False
ACCOUNT_DEFAULT_HTTP_PROTOCOL = os.environ.get("ACCOUNT_DEFAULT_HTTP_PROTOCOL", "http")
# allauth's rate limits stay on with its defaults (failed logins per IP and per account,
# sign-ups, password resets, confirmation emails). The counters live in the default
# cache, which production shares between app servers.

# Single sign-on through an organisation's own identity provider (portal/sso/): OpenID
# Connect apps that editors register per organisation under *Inloggning via organisation*.
# allauth's provider, with portal's subclass: it always checks the id_token's signature,
# sends and checks a nonce, and uses PKCE. Every claim comes from the signed id_token.
SOCIALACCOUNT_ADAPTER = "portal.sso.adapter.SocialAccountAdapter"
SOCIALACCOUNT_PROVIDERS = {
    "openid_connect": {
        "provider_class": "portal.sso.provider.OrganisationProvider",
        "OAUTH_PKCE_ENABLED": True,
    }
}
SOCIALACCOUNT_AUTO_SIGNUP = True
# A first sign-in links to an existing account only through an address that account has
# verified (portal.sso.adapter.SocialAccountAdapter.authenticate_by_email).
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_REQUESTS_TIMEOUT = 10
# Fernet keys (comma-separated; the first encrypts, all decrypt) for the identity
# providers' client secrets. Without them a key is derived from SECRET_KEY, so changing
# SECRET_KEY then means entering the secrets again.
SSO_SECRET_KEYS = env_list("SSO_SECRET_KEYS")

# Wagtail
WAGTAIL_SITE_NAME = "Kunskapsnätverket"
WAGTAILADMIN_LOGIN_URL = "account_login"  # the admin signs in through allauth, rate-limited
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("sv", "Svenska"), ("en", "English")]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Every document goes through Wagtail's serve view, never a direct storage or media URL:
# the networks' documents are checked there (network/wagtail_hooks.py), whatever the
# storage. Only PDFs may open in the browser (Wagtail's default, written out); anything
# else, HTML and SVG included, downloads as an attachment under `default-src 'none'`.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
WAGTAILDOCS_DOCUMENT_FORM_BASE = "portal.wagtail_forms.PrivacyGuardedDocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "portal.wagtail_forms.PrivacyGuardedImageForm"
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from gravatar.com: the portal loads nothing from outside (and sends nobody's
# address hash there). Wagtail then shows its local default avatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Page addresses in plain ASCII, as the demo's are: "fritidsgardarna", not "fritidsgårdarna"
# (which mail clients and people retyping a link turn into %C3%A5).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024

TAGGIT_CASE_INSENSITIVE = True
TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING = True  # "bedömning" -> "bedomning" in URLs

# The read-only API at /api/v2/ (opendata): at most this many requests per client address
# (counted in the default cache; 429 with Retry-After beyond it), and at most
# WAGTAILAPI_LIMIT_MAX items per page of results (?limit=, ?offset=).
OPENDATA_API_RATE = os.environ.get("OPENDATA_API_RATE", "60/min")
WAGTAILAPI_LIMIT_MAX = 50
WAGTAILAPI_RICH_TEXT_FORMAT = "html"  # links in rich text as public URLs, not page ids
WAGTAILAPI_SEARCH_ENABLED = False  # the portal's search is /sok/; the API only filters
# JSON only; ?format= is the workshops' filter (as on the listing), not a renderer choice.
REST_FRAMEWORK = {"URL_FORMAT_OVERRIDE": None}

# How many good examples a listing page shows at a time.
PORTAL_EXAMPLES_PER_PAGE = 12

# Search: a Whoosh index in a local folder (one machine), drained right after each commit.
# With several app servers set SEARCH_BACKEND=postgres, SEARCH_DRAIN_ON_COMMIT=0 and run
# `manage.py search_worker`.
SEARCH_BACKEND = os.environ.get("SEARCH_BACKEND", "whoosh")
SEARCH_INDEX_DIR = os.environ.get("SEARCH_INDEX_DIR", str(BASE_DIR / "var" / "search-index"))
SEARCH_DRAIN_ON_COMMIT = env_bool("SEARCH_DRAIN_ON_COMMIT", True)
# search imports no app: its admin forms (synonyms) get the privacy guard through this.
SEARCH_ADMIN_FORM_BASE = "portal.admin_forms.PrivacyGuardedModelForm"
# ... and Wagtail's search promotion forms (not model forms of ours) get this mixin.
SEARCH_ADMIN_FORM_GUARD = "portal.privacy.PrivacyGuardMixin"
# The query report stores no query this says holds a personal identity number (search's own
# check, which also refuses emails and phone numbers, runs whether or not this is set).
SEARCH_QUERY_PRIVACY_CHECK = "portal.privacy.contains_personal_number"
# How long the query report keeps its daily counts (`manage.py prune_search_queries`).
SEARCH_QUERY_KEEP_DAYS = 90

# Management anchoring of support applications (support.services.anchoring): how long the
# manager's signed link works, and the one-time code sent to the manager's address.
SUPPORT_ANCHORING_LINK_DAYS = 14
SUPPORT_ANCHORING_CODE_MINUTES = 15
SUPPORT_ANCHORING_CODE_ATTEMPTS = 5
SUPPORT_ANCHORING_CODE_RESEND_SECONDS = 60
# Codes sent per anchoring in all: with ATTEMPTS tries each, at most 50 guesses at a
# six-digit code. After that the coordinator names the manager again (a new link).
SUPPORT_ANCHORING_CODE_MAX_SENDS = 10

# Follow-up of engagements (support.services.follow_up): the second questionnaire goes
# out this many months after the engagement ended (the first on the day it ended).
SUPPORT_FOLLOW_UP_MONTHS = int(os.environ.get("SUPPORT_FOLLOW_UP_MONTHS", "8"))
