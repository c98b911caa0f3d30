"""Behind the reverse proxy every request comes from one address: the login limits must
count each client by the address the proxy forwards, as production configures it."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "a-long-random-production-secret-for-the-test-" + "x" * 20,
    "DATABASE_URL": "postgresql://postgres@127.0.0.1:5432/test",
    "ALLOWED_HOSTS": "kunskapsnatverket.example.se",
}
LOCKED = "För många misslyckade inloggningsförsök"


def production_client_address_settings(**env):
    """allauth's client-address settings as production computes them from `env`."""
    show = (
        "import json; from django.conf import settings; print(json.dumps(["
        "getattr(settings, 'ALLAUTH_TRUSTED_PROXY_COUNT', 0), "
        "getattr(settings, 'ALLAUTH_TRUSTED_CLIENT_IP_HEADER', None)]))"
    )
    inherited = {k: v for k, v in os.environ.items() if not k.startswith("TRUSTED_")}
    environment = {**inherited, **PRODUCTION_ENV, **env}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", show],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    count, header = json.loads(result.stdout.strip().splitlines()[-1])
    return {"ALLAUTH_TRUSTED_PROXY_COUNT": count, "ALLAUTH_TRUSTED_CLIENT_IP_HEADER": header}


@pytest.fixture
def behind_the_proxy(settings):
    """This test process configured as production is, and the proxy's two clients."""
    for name, value in production_client_address_settings().items():
        setattr(settings, name, value)
    cache.clear()  # allauth's rate-limit counters
    yield
    cache.clear()


def attempt(client, forwarded_for, email, password):
    # The proxy appends the address it saw, so the client's address is the last entry.
    response = client.post(
        "/konto/login/",
        {"login": email, "password": password},
        REMOTE_ADDR="10.0.0.2",  # the proxy
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )
    return response.content.decode()


def test_two_clients_behind_the_proxy_do_not_share_a_login_lockout(
    client, home_page, member_a, behind_the_proxy
):
    from django.test import Client

    for n in range(10):  # ten wrong guesses at different accounts, from one client
        assert LOCKED not in attempt(client, "198.51.100.7", f"gissning{n}@example.se", "fel")
    assert LOCKED in attempt(client, "198.51.100.7", "gissning99@example.se", "fel")
    # Even the right password is refused from that client while the limit holds ...
    assert LOCKED in attempt(client, "198.51.100.7", member_a.email, "lösen-ord-123")
    assert "_auth_user_id" not in client.session
    # ... and a forged first entry does not get it out of the lock ...
    assert LOCKED in attempt(client, "203.0.113.99, 198.51.100.7", member_a.email, "x")
    # ... but a colleague behind the same proxy signs in.
    colleague = Client()
    attempt(colleague, "192.0.2.44", member_a.email, "lösen-ord-123")
    assert colleague.session["_auth_user_id"] == str(member_a.pk)


def test_production_trusts_the_proxy_count_or_header_it_is_given():
    assert production_client_address_settings() == {
        "ALLAUTH_TRUSTED_PROXY_COUNT": 1,
        "ALLAUTH_TRUSTED_CLIENT_IP_HEADER": None,
    }
    assert production_client_address_settings(
        TRUSTED_PROXY_COUNT="2", TRUSTED_CLIENT_IP_HEADER="X-Real-IP"
    ) == {"ALLAUTH_TRUSTED_PROXY_COUNT": 2, "ALLAUTH_TRUSTED_CLIENT_IP_HEADER": "X-Real-IP"}
