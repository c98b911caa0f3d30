"""Browser tests: Playwright driving Debian's Chromium against a live server with the demo.

They run in a pytest session of their own (`make pytest` starts it after the main one),
because they share one database holding the demo site for the whole session, where the
other tests each start from an empty one:

    BROWSER_TESTS=1 .venv/bin/python -m pytest tests/browser

Each test makes its own people (unique addresses), so the tests do not depend on each
other's order. Without Chromium (or axe-core from npm) they are skipped with a message
that says what to install; with REQUIRE_BROWSER_TESTS=1 (set by .ci/run) that is an error.
"""

import os
import shutil
import uuid
from pathlib import Path

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.management import call_command
from django.test.testcases import LiveServerThread
from django.test.utils import override_settings

from .helpers import AXE_SCRIPT, PASSWORD

ROOT = Path(__file__).resolve().parents[2]
# Playwright's sync API keeps an event loop in the test's thread; Django would then refuse
# the test's own ORM calls. Nothing runs on that loop while the ORM does, so this is safe
# (Playwright's documentation for Django says the same).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
FAILURE_SCREENSHOTS = ROOT / "var" / "browser-failures"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _missing():
    """What the journeys need, and what the accessibility audit needs on top."""
    missing = []
    if not shutil.which(CHROMIUM):
        missing.append(f"Chromium at {CHROMIUM} (apt-get install chromium)")
    try:
        import playwright  # noqa: F401
    except ImportError:
        missing.append("the Python package playwright (pip install -e '.[dev]')")
    audit_missing = [] if AXE_SCRIPT.exists() else ["axe-core (npm ci)"]
    return missing, audit_missing


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    strangers = [item for item in items if here not in Path(item.fspath).parents]
    if strangers:
        raise pytest.UsageError(
            "The browser tests share one demo database; run them on their own: "
            "BROWSER_TESTS=1 pytest tests/browser"
        )
    missing, audit_missing = _missing()
    if (missing or audit_missing) and os.environ.get("REQUIRE_BROWSER_TESTS") == "1":
        raise pytest.UsageError("browser tests need " + ", ".join(missing + audit_missing))
    for item in items:
        needs = missing + (audit_missing if "axe_violations" in item.module.__dict__ else [])
        if needs:
            item.add_marker(pytest.mark.skip(reason="browser tests need " + ", ".join(needs)))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(autouse=True)
def search_index():
    """One index for the session, built by load_demo (replaces the per-test one)."""
    yield


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Every journey logs in from 127.0.0.1, and allauth allows 30 logins a minute per
    address: on a fast machine the session as a whole passes that. Each test starts with
    an empty cache, as a visitor from an address of its own would."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture(autouse=True)
def orm(django_db_blocker):
    """The live server and the test itself use the database throughout each test."""
    with django_db_blocker.unblock():
        yield


@pytest.fixture(scope="session")
def django_db_setup(django_test_environment, django_db_blocker):
    """The test database, created once; pytest-django would create it only for tests
    that ask for a per-test transaction, which these cannot use (the server must see
    what the test writes)."""
    from django.test.utils import setup_databases, teardown_databases

    with django_db_blocker.unblock():
        config = setup_databases(verbosity=0, interactive=False, aliases={"default"})
    yield
    with django_db_blocker.unblock():
        teardown_databases(config, verbosity=0)


@pytest.fixture(scope="session")
def live_server_url(django_db_setup, django_db_blocker):
    """The portal with the demo content, served by a threaded server in this process,
    so that what it sends lands in Django's test outbox."""
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    server = LiveServerThread("127.0.0.1", StaticFilesHandler)
    server.daemon = True
    server.start()
    server.is_ready.wait()
    if server.error:
        raise server.error
    url = f"http://127.0.0.1:{server.port}"
    overrides = override_settings(WAGTAILADMIN_BASE_URL=url)
    overrides.enable()
    yield url
    overrides.disable()
    server.terminate()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


def _note_blocked(message, page, blocked):
    """A CSP violation by the page itself (not by axe-core, which the test evaluates and
    which therefore has no script address)."""
    if "Content Security Policy" in message.text and message.location.get("url"):
        blocked.append(f"{page.url}: {message.text}")


def _note_broken(response, blocked):
    """A style sheet, image or script the page refers to and the server cannot give."""
    if response.request.resource_type != "document" and response.status >= 400:
        blocked.append(f"{response.url}: HTTP {response.status}")


@pytest.fixture
def open_page(browser, live_server_url, request):
    """open_page() gives a fresh browser (own cookies) on the live server; each is
    screenshotted into var/browser-failures/ if the test fails."""
    contexts = []
    blocked = []

    def open_new():
        context = browser.new_context(base_url=live_server_url, locale="sv-SE")
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        page.on("console", lambda message: _note_blocked(message, page, blocked))
        page.on("response", lambda response: _note_broken(response, blocked))
        return page

    yield open_new
    failed = getattr(request.node, "report_call", None)
    if failed is not None and failed.failed:
        FAILURE_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        for number, context in enumerate(contexts):
            for page in context.pages:
                name = f"{request.node.name}-{number}.png".replace("/", "_")
                page.screenshot(path=str(FAILURE_SCREENSHOTS / name), full_page=True)
    for context in contexts:
        context.close()
    assert not blocked, "the page could not load everything it asked for:\n" + "\n".join(blocked)


@pytest.fixture
def page(open_page):
    return open_page()


@pytest.fixture
def person():
    """person(organisation_name=None, role="member", editor=False) -> a verified user with
    a unique address and the password PASSWORD, approved for the organisation of that name
    (a municipality's name names its organisation)."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from organisations.models import Organisation
    from portal.models import Membership

    def make(organisation=None, role="member", editor=False, first_name="Test"):
        email = f"{first_name.lower()}-{uuid.uuid4().hex[:8]}@example.se"
        user = get_user_model().objects.create_user(
            email=email, password=PASSWORD, first_name=first_name, last_name="Testsson"
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        if organisation:
            Membership.objects.create(
                user=user,
                organisation=Organisation.objects.get(name=organisation),
                role=role,
                status="approved",
            )
        if editor:
            user.groups.add(*Group.objects.filter(name__in=["Editors", "Moderators"]))
        return user

    return make
