"""Templates stay readable: no line of the project's own HTML templates is over 160 characters.

Plain-text email templates (*.txt) are left out on purpose: there a newline is part of the
message the person receives."""

from pathlib import Path

from django.conf import settings

LIMIT = 160
ROOT = Path(settings.BASE_DIR)


def project_templates():
    skip = {".venv", "node_modules", ".git"}
    for path in sorted(ROOT.rglob("templates/**/*.html")):
        if not skip.intersection(path.relative_to(ROOT).parts):
            yield path


def long_lines():
    for path in project_templates():
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, start=1):
            if len(line) > LIMIT:
                yield f"{path.relative_to(ROOT)}:{number}", len(line)


def test_the_project_has_templates_to_check():
    assert any(path.name == "base.html" for path in project_templates())


def test_no_template_line_is_over_160_characters():
    too_long = [f"{where} ({length} characters)" for where, length in long_lines()]
    assert not too_long, "Wrap these template lines (at most 160 characters):\n" + "\n".join(
        too_long
    )
