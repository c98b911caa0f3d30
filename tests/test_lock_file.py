"""requirements.lock pins every dependency of pyproject.toml, exactly and with hashes."""

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^(?P<name>[A-Za-z0-9._-]+)==(?P<version>[^ ;\\]+)", re.MULTILINE)


def _declared():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = project["dependencies"] + project["optional-dependencies"]["dev"]
    return [Requirement(r) for r in declared]


def _pins():
    pins = {}
    for match in PIN.finditer((ROOT / "requirements.lock").read_text()):
        pins.setdefault(canonicalize_name(match["name"]), []).append(match["version"])
    return pins


def test_every_declared_dependency_is_pinned_within_its_range():
    pins = _pins()
    stale = []
    for requirement in _declared():
        versions = pins.get(canonicalize_name(requirement.name))
        if not versions or not all(requirement.specifier.contains(v) for v in versions):
            stale.append(f"{requirement} (lock: {versions})")
    assert not stale, "requirements.lock is out of date; run `make lock`: " + ", ".join(stale)


def test_every_pin_has_a_hash():
    text = (ROOT / "requirements.lock").read_text()
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[-1])
    unhashed = [b.split()[0] for b in blocks if b.strip() and "--hash=sha256:" not in b]
    assert not unhashed
