"""At most OPENDATA_API_RATE requests per client address, counted in the default cache.

The count is per IP address, found the way allauth's login limits find it (the proxy
settings TRUSTED_PROXY_COUNT / TRUSTED_CLIENT_IP_HEADER apply to both), and the cache is
the one production shares between app servers. Past the limit the API answers 429 with a
Retry-After header (Django REST framework's throttling)."""

from allauth.core.internal.httpkit import get_client_ip
from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle


class ClientAddressRateThrottle(SimpleRateThrottle):
    scope = "opendata-api"

    def get_rate(self):
        return settings.OPENDATA_API_RATE

    def get_cache_key(self, request, view):
        return self.cache_format % {
            "scope": self.scope,
            "ident": get_client_ip(request) or "unknown",
        }
