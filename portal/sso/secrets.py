"""The identity providers' client secrets, encrypted at rest with Fernet (AES-128-CBC and
HMAC-SHA256, from cryptography).

Keys come from settings.SSO_SECRET_KEYS (the first encrypts, every one decrypts, so a key
can be rotated), or else one derived from SECRET_KEY. A secret is never shown back in a
form and never logged.
"""

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings


class SecretUnreadable(Exception):
    """The stored secret cannot be decrypted with the keys the settings give."""


def _keys():
    keys = list(getattr(settings, "SSO_SECRET_KEYS", None) or [])
    if not keys:
        digest = hashlib.sha256(b"portal.sso.secrets:" + settings.SECRET_KEY.encode()).digest()
        keys = [base64.urlsafe_b64encode(digest)]
    return MultiFernet([Fernet(key) for key in keys])


def encrypt(secret):
    return _keys().encrypt(secret.encode()).decode()


def decrypt(token):
    if not token:
        return ""
    try:
        return _keys().decrypt(token.encode()).decode()
    except (InvalidToken, ValueError) as exc:
        raise SecretUnreadable() from exc
