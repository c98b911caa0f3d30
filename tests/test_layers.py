"""The layer contract in pyproject.toml holds, and breaks when a forbidden import is added.

Each case copies the project's packages to a temporary directory, adds one import that the
README's "Layers" section forbids, and runs import-linter there: the contract must fail and
name the offending import. A contract that passed everything would fail these tests."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = [
    "config",
    "organisations",
    "portal",
    "events",
    "network",
    "support",
    "search",
    "opendata",
]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(cwd):
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=cwd,
        env={"PYTHONPATH": str(cwd), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="module")
def project_copy(tmp_path_factory):
    copy = tmp_path_factory.mktemp("layers")
    shutil.copy(ROOT / "pyproject.toml", copy)
    for package in PACKAGES:
        shutil.copytree(
            ROOT / package,
            copy / package,
            ignore=shutil.ignore_patterns("templates", "static", "data", "__pycache__", "*.csv"),
        )
    return copy


def test_the_project_keeps_its_layers():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "forbidden_import", "contract"),
    [
        ("organisations/models.py", "import portal.privacy", "Layers"),
        ("portal/models/__init__.py", "import events.models", "Layers"),
        ("portal/privacy.py", "import network.models", "Layers"),
        ("events/views.py", "import network.models", "Layers"),
        ("network/views/networks.py", "import events.models", "Layers"),
        ("portal/views.py", "import search.api", "Layers"),
        ("events/search_documents.py", "import search.backends", "Layers"),
        ("network/views/municipalities.py", "import config.urls", "Layers"),
        ("network/services/matching.py", "import support.models", "Layers"),
        ("events/views.py", "import support.services", "Layers"),
        ("support/models/offer.py", "import search.api", "Layers"),
        ("search/api.py", "import portal.models", "Search knows the apps only"),
        ("portal/views.py", "import opendata.feeds", "Layers"),
        ("events/views.py", "import opendata.api.views", "Layers"),
        ("opendata/feeds.py", "import search.api", "Layers"),
        ("opendata/views.py", "import config.urls", "Layers"),
        ("search/registry.py", "import search.backends", "The registry imports nothing else"),
    ],
)
def test_a_forbidden_import_breaks_the_contract(project_copy, module, forbidden_import, contract):
    path = project_copy / module
    original = path.read_text(encoding="utf-8")
    path.write_text(original + f"\n{forbidden_import}  # added by the test\n", encoding="utf-8")
    try:
        result = lint_imports(project_copy)
    finally:
        path.write_text(original, encoding="utf-8")
    assert result.returncode != 0
    broken = [line for line in result.stdout.splitlines() if " BROKEN" in line]
    assert any(line.startswith(contract) for line in broken), result.stdout
    imported = forbidden_import.removeprefix("import ")
    assert imported in result.stdout
