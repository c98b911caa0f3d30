"""The production configuration: `check --deploy` is clean, the cache is shared, CSP is on."""

import os
import socket
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "a-long-random-production-secret-for-the-test-" + "x" * 20,
    "DATABASE_URL": "postgresql://postgres@127.0.0.1:5432/test",
    "ALLOWED_HOSTS": "kunskapsnatverket.example.se",
    "REDIS_URL": "redis://127.0.0.1:6379/15",
}


def manage(*args, env=None):
    environment = {**os.environ, **PRODUCTION_ENV, **(env or {})}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def redis_reachable():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return False
    return True


def test_check_deploy_is_clean():
    result = manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", env={"SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY must be set in production" in result.stderr


def test_production_refuses_sqlite():
    result = manage("check", env={"DATABASE_URL": "sqlite:///var/nope.sqlite3"})
    assert result.returncode != 0
    assert "Set DATABASE_URL to a PostgreSQL database" in result.stderr


@pytest.mark.skipif(not redis_reachable(), reason="no Redis on 127.0.0.1:6379")
def test_two_app_processes_share_the_cache():
    """What one app server counts (a rate limit, a session) another one sees."""
    key = f"shared-{uuid.uuid4().hex}"
    write = manage("shell", "-c", f"from django.core.cache import cache; cache.set({key!r}, 7)")
    assert write.returncode == 0, write.stderr
    read = manage("shell", "-c", f"from django.core.cache import cache; print(cache.get({key!r}))")
    assert read.returncode == 0, read.stderr
    assert read.stdout.strip().splitlines()[-1] == "7"


def test_public_pages_allow_only_the_portals_own_scripts_and_styles(client, home_page):
    policy = client.get("/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'self'" in policy


def test_admin_allows_the_inline_scripts_wagtail_needs(client, editor):
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in policy
    assert "object-src 'none'" in policy
