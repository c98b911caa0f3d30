"""Local development: debug on, emails printed to the console."""

from .base import *  # noqa: F403
from .base import DEVELOPMENT_SECRET_KEY, env_bool, os

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", DEVELOPMENT_SECRET_KEY)
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
