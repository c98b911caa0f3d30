"""A temporary database and search index for a benchmark, set up before Django."""

import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def temporary_site(database_url=None):
    """Point Django at a fresh database (SQLite in a temporary folder, or database_url)
    and a search index in that folder, migrate, and return a function that removes the
    folder."""
    sys.path.insert(0, str(ROOT))
    workdir = Path(tempfile.mkdtemp(prefix="kn-bench-"))
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ["SEARCH_INDEX_DIR"] = str(workdir / "search-index")
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
    os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return lambda: shutil.rmtree(workdir, ignore_errors=True)
