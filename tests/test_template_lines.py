"""Templates stay readable: no line of the project's own HTML templates is over 160 characters.

Plain-text email templates (*.txt) are left out on purpose: there a newline is part of the
message the person receives."""

from collections import Counter
from pathlib import Path

from django.conf import settings

LIMIT = 160
ROOT = Path(settings.BASE_DIR)

# Lines that still wait to be wrapped, per file. The count may only go down: remove a file
# from here once its lines are wrapped. Do not add to it.
NOT_YET_WRAPPED = {
    "events/templates/events/admin/registrations.html": 4,
    "events/templates/events/admin/workshop_list.html": 1,
    "events/templates/events/feedback_invalid.html": 1,
    "events/templates/events/includes_seats.html": 1,
    "events/templates/events/my_pages/registrations.html": 3,
    "events/templates/events/team_registration.html": 1,
    "events/templates/events/theme_list.html": 2,
    "events/templates/events/workshop_index_page.html": 2,
    "events/templates/events/workshop_page.html": 4,
    "network/templates/network/admin/proposals.html": 1,
    "network/templates/network/municipality_detail.html": 1,
    "network/templates/network/municipality_search.html": 1,
    "network/templates/network/network_detail.html": 1,
    "network/templates/network/thread_detail.html": 1,
    "portal/templates/portal/accessibility_statement.html": 7,
    "portal/templates/portal/admin/failed_emails.html": 2,
    "portal/templates/portal/good_example_index_page.html": 1,
    "portal/templates/portal/good_example_page.html": 1,
    "portal/templates/portal/method_list.html": 1,
    "portal/templates/portal/my_pages/approvals.html": 1,
    "portal/templates/portal/my_pages/delete_account.html": 1,
    "portal/templates/portal/my_pages/index.html": 1,
    "portal/templates/portal/my_pages/membership.html": 4,
    "portal/templates/portal/my_pages/membership_request.html": 2,
    "portal/templates/portal/submission_form.html": 2,
    "search/templates/search/search.html": 2,
    "templates/allauth/elements/button.html": 1,
    "templates/allauth/layouts/base.html": 1,
}


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
    found = list(long_lines())
    per_file = Counter(where.rsplit(":", 1)[0] for where, _ in found)
    too_long = [
        f"{where} ({length} characters)"
        for where, length in found
        if per_file[where.rsplit(":", 1)[0]] > NOT_YET_WRAPPED.get(where.rsplit(":", 1)[0], 0)
    ]
    assert not too_long, "Wrap these template lines (at most 160 characters):\n" + "\n".join(
        too_long
    )


def test_the_list_of_lines_not_yet_wrapped_only_shrinks():
    per_file = Counter(where.rsplit(":", 1)[0] for where, _ in long_lines())
    stale = {name: count for name, count in NOT_YET_WRAPPED.items() if per_file[name] < count}
    assert not stale, f"Fewer long lines now; lower or remove these entries: {stale}"
