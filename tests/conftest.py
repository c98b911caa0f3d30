"""Fixtures, chained the way the site is built: site → home → index pages → content."""

import os
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.test import override_settings
from wagtail.models import Page, Site

from organisations.models import Municipality, Organisation
from organisations.services import load_reference_data

from .factories import (
    GoodExampleIndexPageFactory,
    GoodExamplePageFactory,
    GuidancePageFactory,
    HomePageFactory,
    MethodFactory,
    SupportAreaIndexPageFactory,
    SupportAreaPageFactory,
)

# The browser tests share one database with the demo site, so they run in a session of
# their own: BROWSER_TESTS=1 pytest tests/browser (make pytest runs both sessions).
collect_ignore = [] if os.environ.get("BROWSER_TESTS") == "1" else ["browser"]


@pytest.fixture
def municipalities(db):
    """All 290 municipalities and 21 counties, as the reference data loader creates them."""
    load_reference_data()
    return Municipality.objects.all()


@pytest.fixture
def site(db):
    """The default site, as Wagtail's migrations leave it (root page and welcome page)."""
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home_page(site):
    """A HomePage that replaces Wagtail's welcome page as the site root."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    welcome = site.root_page
    site.root_page = home
    site.save()
    welcome.delete()
    return home


@pytest.fixture
def support_area_index(home_page):
    return SupportAreaIndexPageFactory(parent=home_page)


@pytest.fixture
def support_area(support_area_index):
    return SupportAreaPageFactory(parent=support_area_index, title="Bästa tillgängliga kunskap")


@pytest.fixture
def guidance_page(support_area):
    return GuidancePageFactory(parent=support_area, title="RBM-modellen i vardagen")


@pytest.fixture
def example_index(home_page):
    return GoodExampleIndexPageFactory(parent=home_page)


@pytest.fixture
def method(db):
    return MethodFactory(name="RBM-modellen", slug="rbm")


@pytest.fixture
def good_example(example_index, support_area, municipalities):
    return GoodExamplePageFactory(
        parent=example_index,
        title="Gemensamt språk med RBM",
        municipality=Municipality.objects.get(name="Kalmar"),
        support_areas=[support_area],
    )


@pytest.fixture
def make_person(db):
    """A person with a verified email address, optionally approved for an organisation (a
    Municipality stands for its organisation)."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    from portal.models import Membership

    def make(email, organisation=None, role="member", first_name="Test", password="lösen-ord-123"):
        user = get_user_model().objects.create_user(
            email=email, password=password, first_name=first_name, last_name="Person"
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        if isinstance(organisation, Municipality):
            organisation = organisation.organisation
        if organisation is not None:
            Membership.objects.create(
                user=user, organisation=organisation, role=role, status="approved"
            )
        return user

    return make


@pytest.fixture
def kalmar(municipalities):
    return Municipality.objects.get(name="Kalmar")


@pytest.fixture
def vaxjo(municipalities):
    return Municipality.objects.get(name="Växjö")


@pytest.fixture
def region_kalmar(municipalities):
    """Region Kalmar län, which runs child and adolescent psychiatry (BUP) in Kalmar's county."""
    return Organisation.objects.get(code="R08")


@pytest.fixture
def county_board_kalmar(municipalities):
    return Organisation.objects.get(code="L08")


@pytest.fixture
def police_south(municipalities):
    """Polisregion Syd, which covers Kalmar's county among others."""
    return Organisation.objects.get(code="PSYD")


@pytest.fixture
def member_a(make_person, kalmar):
    return make_person("medlem@kalmar.se", kalmar, first_name="Maja")


@pytest.fixture
def coordinator_a(make_person, kalmar):
    return make_person("kontakt@kalmar.se", kalmar, role="coordinator", first_name="Karin")


@pytest.fixture
def coordinator_b(make_person, vaxjo):
    return make_person("kontakt@vaxjo.se", vaxjo, role="coordinator", first_name="Vera")


@pytest.fixture
def editor(make_person):
    from django.contrib.auth.models import Group

    user = make_person("redaktor@socialstyrelsen.se", first_name="Ella")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def outsider(make_person, municipalities):
    """Signed in, verified, but not (yet) acting for any organisation."""
    return make_person("ny@example.se", first_name="Nils")


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what a block schedules for after commit (emails), as a real commit would:
    `with committed(): client.post(...)`."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture(autouse=True)
def search_index(tmp_path, settings):
    """A fresh search index for every test, as the database is fresh for every test; the
    cache (which holds the synonyms) is emptied too, as the rows it holds roll back."""
    from search.backends import reset_backend

    settings.SEARCH_INDEX_DIR = str(tmp_path / "search-index")
    reset_backend()
    cache.clear()
    yield
    cache.clear()
    reset_backend()


# The demo site, loaded once per session for the tests that only read it. -----------------


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Tests that read the shared demo run last (after pytest-django's ordering), so that no
    other test sees its rows: the demo stays in a transaction that is rolled back when the
    session ends."""
    items.sort(key=lambda item: "demo" in getattr(item, "fixturenames", ()))


@pytest.fixture(scope="session")
def demo_database(django_db_setup, django_db_blocker, tmp_path_factory):
    """`load_demo` once, in a transaction the session rolls back, with its own search index."""
    index_dir = str(tmp_path_factory.mktemp("demo") / "search-index")
    with django_db_blocker.unblock(), override_settings(SEARCH_INDEX_DIR=index_dir):
        from search.backends import reset_backend

        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            connection = connections[DEFAULT_DB_ALIAS]
            if not Page.objects.exists() and hasattr(connection, "_test_serialized_contents"):
                # A transactional test ran before and emptied the database: restore what
                # the migrations left (root page, default site), as such a test does.
                connection.creation.deserialize_db_from_string(connection._test_serialized_contents)
            reset_backend()
            call_command("load_demo", stdout=StringIO())
            yield index_dir
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            connections.close_all()
            reset_backend()


@pytest.fixture
def demo(demo_database, db, settings):
    """The demo site, for a test that only reads it (each test's own changes are rolled
    back as usual). A test that changes the demo itself calls load_demo on its own."""
    from search.backends import reset_backend

    settings.SEARCH_INDEX_DIR = demo_database
    reset_backend()
