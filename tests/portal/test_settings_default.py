"""Where nothing is set, the portal runs as in production or refuses to start; the public
development key works only in development."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEVELOPMENT_KEY = "dev-only-insecure-key-change-me"
PRODUCTION_ENV = {
    "SECRET_KEY": "a-long-random-production-secret-for-the-test-" + "x" * 20,
    "DATABASE_URL": "postgresql://postgres@127.0.0.1:5432/test",
    "ALLOWED_HOSTS": "kunskapsnatverket.example.se",
}


def run(*args, **env):
    """Run in a fresh process whose environment sets nothing of ours but `env`."""
    ours = {"DJANGO_SETTINGS_MODULE", "SECRET_KEY", "DATABASE_URL", "DEBUG", "ALLOWED_HOSTS"}
    environment = {k: v for k, v in os.environ.items() if k not in ours}
    environment.update(env)
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=environment, capture_output=True, text=True
    )


SHOW_SETTINGS = "from django.conf import settings; print(settings.SETTINGS_MODULE, settings.DEBUG)"


def test_manage_py_with_nothing_set_refuses_to_start_without_a_secret_key():
    result = run("manage.py", "check")
    assert result.returncode != 0
    assert "SECRET_KEY must be set in production" in result.stderr


def test_manage_py_with_only_a_secret_key_set_refuses_sqlite():
    result = run("manage.py", "check", SECRET_KEY=PRODUCTION_ENV["SECRET_KEY"])
    assert result.returncode != 0
    assert "Set DATABASE_URL to a PostgreSQL database" in result.stderr


def test_wsgi_with_nothing_set_refuses_to_start_and_otherwise_runs_production():
    refused = run("-c", "import config.wsgi")
    assert refused.returncode != 0
    assert "SECRET_KEY must be set in production" in refused.stderr
    started = run("-c", f"import config.wsgi; {SHOW_SETTINGS}", **PRODUCTION_ENV)
    assert started.returncode == 0, started.stderr
    assert started.stdout.split() == ["config.settings.production", "False"]


def test_production_refuses_the_public_development_key():
    result = run(
        "manage.py",
        "check",
        **{**PRODUCTION_ENV, "SECRET_KEY": DEVELOPMENT_KEY},
    )
    assert result.returncode != 0
    assert "SECRET_KEY is the development (or test) key, which is public" in result.stderr


def test_development_settings_still_run_with_their_key():
    result = run(
        "manage.py",
        "shell",
        "-c",
        f"{SHOW_SETTINGS}; print(settings.SECRET_KEY)",
        DJANGO_SETTINGS_MODULE="config.settings.dev",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-3:] == ["config.settings.dev", "True", DEVELOPMENT_KEY]
