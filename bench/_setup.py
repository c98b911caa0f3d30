"""A temporary SQLite database and search index for a benchmark, set up before Django."""

import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def temporary_site():
    """Point Django at a fresh database and search index in a temporary folder, migrate,
    and return a function that removes the folder."""
    sys.path.insert(0, str(ROOT))
    workdir = Path(tempfile.mkdtemp(prefix="kn-bench-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ["SEARCH_INDEX_DIR"] = str(workdir / "search-index")
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
    os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return lambda: shutil.rmtree(workdir, ignore_errors=True)
