"""The page cache clears exactly the pages that show what changed, and only those."""

import os
import time

import pytest
from wagtail.models import PageViewRestriction

from events.services import register
from network.models import MunicipalityProfile, Network, NetworkMembership
from portal.models import GuidancePage

from ..factories import (
    GuidancePageFactory,
    MethodFactory,
    SupportAreaPageFactory,
    WorkshopIndexPageFactory,
    WorkshopPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def portal(page_cache, home_page, support_area, guidance_page, good_example, kalmar, vaxjo, editor):
    """A small site with one of each public page, and the addresses of its pages."""
    method = MethodFactory(name="RBM-modellen", slug="rbm")
    other_method = MethodFactory(name="Sociala insatsgrupper", slug="sig")
    guidance_page.methods.set([method])
    guidance_page.save_revision().publish()
    sibling = GuidancePageFactory(parent=support_area, title="Samverkan i vardagen")
    other_area = SupportAreaPageFactory(parent=support_area.get_parent(), title="Samverkan")
    network = Network.objects.create(name="BUP-nätverket", slug="bup", purpose="Dela.")
    NetworkMembership.objects.create(
        network=network, organisation=kalmar.organisation, status="active"
    )
    index = WorkshopIndexPageFactory(parent=home_page)
    workshop = WorkshopPageFactory(parent=index, title="RBM i praktiken", capacity=3)
    return {
        "objects": {
            "guidance": guidance_page,
            "kalmar": kalmar,
            "vaxjo": vaxjo,
            "method": method,
            "other_method": other_method,
            "sibling": sibling,
            "other_area": other_area,
            "network": network,
            "workshop": workshop,
        },
        "urls": {
            "home": "/",
            "support_area": support_area.url,
            "other_area": other_area.url,
            "guidance": guidance_page.url,
            "sibling": sibling.url,
            "examples": good_example.get_parent().url,
            "example": good_example.url,
            "methods": "/metoder/",
            "method": "/metoder/rbm/",
            "other_method": "/metoder/sig/",
            "kalmar": "/kommuner/kalmar/",
            "vaxjo": "/kommuner/vaxjo/",
            "networks": "/kommuner/natverk/",
            "network": "/kommuner/natverk/bup/",
        },
    }


def cleared_by(client, portal, change):
    """The names of the pages that a visitor gets freshly rendered after `change`."""
    urls = portal["urls"]
    for _twice in range(2):  # the first render of a page may create rows (site settings)
        for url in urls.values():
            assert client.get(url).status_code == 200, url
    for name, url in urls.items():
        assert client.get(url)["X-Page-Cache"] == "hit", name
    change()
    return {name for name, url in urls.items() if client.get(url)["X-Page-Cache"] != "hit"}


def edit_and_publish(page, **changes):
    """What an editor does: open the page as it is now, change it and publish."""
    page = type(page).objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def publish(site):
    edit_and_publish(site["objects"]["guidance"], title="RBM-modellen, reviderad")


def unpublish(site):
    GuidancePage.objects.get(pk=site["objects"]["guidance"].pk).unpublish()


def move(site):
    page = GuidancePage.objects.get(pk=site["objects"]["guidance"].pk)
    page.move(site["objects"]["other_area"], "last-child")


def delete(site):
    GuidancePage.objects.get(pk=site["objects"]["guidance"].pk).delete()


def save_snippet(site):
    method = site["objects"]["method"]
    method.name = "RBM – resultatbaserad modell"
    method.save()


def save_municipality(site):
    kalmar = site["objects"]["kalmar"]
    kalmar.name = "Kalmar kommun"
    kalmar.save()


def save_profile(site):
    profile = MunicipalityProfile.objects.get_or_create(municipality=site["objects"]["vaxjo"])[0]
    profile.ongoing_work = "Vi bygger upp SSPF."
    profile.save()


def save_network(site):
    network = site["objects"]["network"]
    network.purpose = "Att dela erfarenheter av remisser."
    network.save()


GUIDANCE_LISTINGS = {"support_area", "other_area", "methods", "method", "other_method"}
GUIDANCE_PAGES = {"support_area", "guidance", "sibling", "network"}


@pytest.mark.parametrize(
    "change, expected",
    [
        # The page, and the pages that list guidance (a support area, the methods' pages)
        (publish, {"guidance", *GUIDANCE_LISTINGS}),
        (unpublish, {"guidance", *GUIDANCE_LISTINGS}),
        (move, {"guidance", *GUIDANCE_LISTINGS}),
        (delete, {"guidance", *GUIDANCE_LISTINGS}),
        # Its pages, the guidance that uses it, the examples' filter that offers it
        (save_snippet, {"methods", "method", "guidance", "examples"}),
        # Its page, and every page that names Kalmar: the example from Kalmar and the cards
        # of that example (home, the listing, the support area and its guidance), the network
        (save_municipality, {"kalmar", "example", "examples", "home", *GUIDANCE_PAGES}),
        (save_profile, {"vaxjo"}),
        # Its page, the directory, and Kalmar's page, which lists Kalmar's networks
        (save_network, {"networks", "network", "kalmar"}),
    ],
)
def test_a_change_clears_the_pages_that_show_it_and_only_those(client, portal, change, expected):
    assert cleared_by(client, portal, lambda: change(portal)) == expected


def test_seats_left_are_never_older_than_the_seats_timeout(
    client, page_cache, settings, home_page, make_person, kalmar
):
    settings.PAGE_CACHE_SEATS_TIMEOUT = 1
    index = WorkshopIndexPageFactory(parent=home_page)
    workshop = WorkshopPageFactory(parent=index, title="RBM i praktiken", capacity=3)
    for url in (index.url, workshop.url):
        client.get(url)  # the first render creates the site's settings
        assert "3 platser kvar" in client.get(url).content.decode()
        assert client.get(url)["X-Page-Cache"] == "hit"
    # Seats are taken with QuerySet.update(), which no signal reports.
    register(workshop.occasions.get(), make_person("a@kalmar.se", kalmar))
    time.sleep(1.1)
    for url in (index.url, workshop.url):
        assert "2 platser kvar" in client.get(url).content.decode(), url


def test_what_is_never_cached(client, page_cache, home_page, example_index, make_person, kalmar):
    # A signed-in person always gets their own page.
    client.force_login(make_person("a@kalmar.se", kalmar))
    assert "X-Page-Cache" not in client.get("/")
    client.logout()
    client.cookies.clear()
    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"
    client.force_login(make_person("b@kalmar.se", kalmar))
    assert "Mina sidor" in client.get("/").content.decode()
    client.logout()
    # A visitor with a session (a message waiting, a half-done sign-up) is never served one.
    client.cookies["sessionid"] = "x"
    assert "X-Page-Cache" not in client.get("/")
    client.cookies.clear()
    # A form with a CSRF token (the login page) sets a cookie: never stored.
    client.get("/konto/login/")
    assert "X-Page-Cache" not in client.get("/konto/login/")
    # Listing filters are part of the address; other parameters are never stored.
    url = f"{example_index.url}?prevention_level=selective"
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    client.get(f"{example_index.url}?utm_source=x")
    assert client.get(f"{example_index.url}?utm_source=x")["X-Page-Cache"] == "miss"
    # Search results follow the index, which the search worker updates later: not cached.
    assert "X-Page-Cache" not in client.get("/sok/?q=rbm")


@pytest.mark.parametrize("restriction_type", ["login", "password"])
def test_a_page_made_private_is_no_longer_served_or_listed_from_the_cache(
    client, page_cache, guidance_page, restriction_type
):
    listing = "/api/v2/guidance/"
    for _visit in range(2):
        client.get(guidance_page.url)
        client.get(listing)
    assert client.get(guidance_page.url)["X-Page-Cache"] == "hit"
    assert guidance_page.title in client.get(listing).content.decode()

    # Wagtail's privacy dialog writes only the restriction; the page is not saved.
    PageViewRestriction.objects.create(
        page=guidance_page, restriction_type=restriction_type, password="hemligt"
    )

    response = client.get(guidance_page.url)
    assert response.get("X-Page-Cache") != "hit"
    assert guidance_page.title not in client.get(listing).content.decode()


# --- each app server's memory of the shared cache (portal/page_cache/local.py) ---


class CountingCache:
    """The shared cache, counting the round trips a lookup makes."""

    def __init__(self, cache):
        self.cache, self.calls = cache, 0

    def __getattr__(self, name):
        attribute = getattr(self.cache, name)
        if name not in ("get", "get_many"):
            return attribute

        def counted(*args, **kwargs):
            self.calls += 1
            return attribute(*args, **kwargs)

        return counted


def test_a_hit_with_nothing_changed_reads_the_shared_cache_once(
    client, page_cache, monkeypatch, guidance_page
):
    from django.core.cache import cache

    from portal.page_cache import store

    for _visit in range(3):  # renders settings, stores, then the first hit remembers it
        client.get(guidance_page.url)
    counting = CountingCache(cache)
    monkeypatch.setattr(store, "cache", lambda: counting)
    assert client.get(guidance_page.url)["X-Page-Cache"] == "hit"
    assert counting.calls == 1  # the epoch, not the entry and its ~40 tag versions


def test_a_change_made_on_another_app_server_is_seen_at_once(
    client, page_cache, monkeypatch, guidance_page
):
    """The change reaches this process only through the shared cache, as it would when an
    editor publishes on another app server."""
    from portal.page_cache import store

    for _visit in range(3):
        client.get(guidance_page.url)
    assert client.get(guidance_page.url)["X-Page-Cache"] == "hit"
    with monkeypatch.context() as elsewhere:
        elsewhere.setattr(store.memory, "forget", lambda: None)
        edit_and_publish(guidance_page, title="Remisser till BUP, reviderad")

    response = client.get(guidance_page.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Remisser till BUP, reviderad" in response.content.decode()


def test_emptying_the_shared_cache_empties_every_servers_copies(client, page_cache, guidance_page):
    from django.core.cache import cache

    for _visit in range(3):
        client.get(guidance_page.url)
    assert client.get(guidance_page.url)["X-Page-Cache"] == "hit"
    cache.clear()  # an operator's FLUSHDB, or Redis restarted
    assert client.get(guidance_page.url)["X-Page-Cache"] == "miss"


def test_a_remembered_page_with_seats_lives_no_longer_than_the_seats_timeout(
    client, page_cache, settings, home_page
):
    from events.models import SeatCounter

    settings.PAGE_CACHE_SEATS_TIMEOUT = 3  # room for a slow machine between the requests
    index = WorkshopIndexPageFactory(parent=home_page)
    workshop = WorkshopPageFactory(parent=index, title="RBM i praktiken", capacity=3)
    for _visit in range(2):
        client.get(workshop.url)
    assert client.get(workshop.url)["X-Page-Cache"] == "hit"
    # No signal, no new row: only the entry's lifetime can bring the new count.
    SeatCounter.objects.filter(occasion__workshop=workshop).update(taken=2)
    assert "3 platser kvar" in client.get(workshop.url).content.decode()
    time.sleep(3.1)
    assert "1 plats kvar" in client.get(workshop.url).content.decode()


def test_remembered_pages_stay_within_their_memory_budget(settings):
    from portal.page_cache.local import ENTRY_OVERHEAD, Memory

    def entry(body_bytes):
        return {"content": b"x" * body_bytes, "tags": {}, "expires": time.time() + 60}

    settings.PAGE_CACHE_LOCAL_BYTES = 2 * (ENTRY_OVERHEAD + 100) + 50  # room for two
    memory = Memory()
    memory.sync("e1")
    for name in ("a", "b", "c"):
        memory.keep(name, entry(100), "e1")
    assert memory.entry("a", "e1") is None  # the oldest made room
    assert memory.entry("b", "e1") is not None
    assert memory.entry("c", "e1") is not None
    memory.keep("huge", entry(3 * ENTRY_OVERHEAD), "e1")
    assert memory.entry("huge", "e1") is None
    assert memory.entry("c", "e1") is not None
    memory.keep("expired", {**entry(10), "expires": time.time() - 1}, "e1")
    assert memory.entry("expired", "e1") is None
    memory.sync("e2")  # something changed somewhere
    assert memory.entry("c", "e2") is None


def test_an_evicted_tag_never_brings_back_a_page_it_cleared(page_cache):
    """Redis may evict a tag's version (allkeys-lru). Made again, it must not take a value
    an entry stored before the change could hold."""
    from django.core.cache import cache
    from django.http import HttpResponse

    from portal.page_cache import store
    from portal.page_cache.recorder import Recording

    def render(key, text):
        recording = Recording()
        recording.tags = {"table:portal_method"}
        assert store.save(key, recording, HttpResponse(text), time.time() - 0.01)

    render("before", "RBM, gammal")
    assert store.lookup("before") is not None
    store.invalidate("table:portal_method")  # a method was saved: "before" is stale
    assert store.lookup("before") is None
    cache.delete_many([store._tag_key("table:portal_method"), store._tag_key(store.EVERYTHING)])
    store.memory.forget()
    render("other", "RBM, ny")  # another page makes the tag again
    assert store.lookup("other") is not None
    assert store.lookup("before") is None


def test_an_app_server_reading_from_replicas_keeps_no_copies(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "portal.redis_cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/9,redis://127.0.0.1:6380/9",
        }
    }
    from portal.page_cache import store

    assert store._remembering() is False
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert store._remembering() is True
    settings.PAGE_CACHE_LOCAL = False
    assert store._remembering() is False


def test_clear_page_cache_clears_every_page_and_keeps_sessions(
    client, page_cache, guidance_page, home_page
):
    from django.core.cache import cache
    from django.core.management import call_command

    cache.set("a-session", "kept", timeout=None)
    for _visit in range(3):
        for url in ("/", guidance_page.url):
            client.get(url)
    assert client.get(guidance_page.url)["X-Page-Cache"] == "hit"

    call_command("clear_page_cache", stdout=open(os.devnull, "w"))  # noqa: SIM115

    assert client.get("/")["X-Page-Cache"] == "miss"
    assert client.get(guidance_page.url)["X-Page-Cache"] == "miss"
    assert cache.get("a-session") == "kept"
