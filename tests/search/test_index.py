"""The index follows the database exactly, and never shows what is not public."""

import threading

import pytest
from django.db import connection
from django.test import override_settings
from wagtail.models import PageViewRestriction

from network.models import Network, NetworkMembership
from network.services import networks
from search import api
from search.backends import get_backend
from search.documents import all_keys, document_for
from search.indexer import drain
from search.models import IndexOutbox

from ..factories import GoodExamplePageFactory, GuidancePageFactory, InformationPageFactory

pytestmark = pytest.mark.django_db


def published(page):
    """Publish as an editor does (factories create live pages without the signal)."""
    page.save_revision().publish()
    return page


def found(query):
    return [hit.url for hit in api.search(query).hits]


def test_publish_unpublish_move_and_delete_are_followed(
    committed, home_page, support_area, example_index
):
    with committed():
        page = published(GuidancePageFactory(parent=support_area, title="Kvarteret Zebraflugan"))
    assert found("zebraflugan") == [page.url]

    with committed():
        page.unpublish()
    assert found("zebraflugan") == []

    with committed():
        page.save_revision().publish()
    assert found("zebraflugan") == [page.url]

    other_area = support_area.get_parent().add_child(
        instance=type(support_area)(title="Annat område", slug="annat", summary="x")
    )
    with committed():
        page.move(other_area, pos="last-child")
    page.refresh_from_db()
    assert found("zebraflugan") == [page.url]
    assert "/annat/" in page.url

    with committed():
        page.delete()
    assert found("zebraflugan") == []


def test_drafts_private_pages_and_discussions_never_appear(
    committed, home_page, support_area, example_index, member_a, kalmar
):
    with committed():
        GoodExamplePageFactory(parent=example_index, title="Utkastet Pelikanen", live=False)
        private = published(InformationPageFactory(parent=home_page, title="Hemliga Pelikanen"))
        PageViewRestriction.objects.create(
            page=private, restriction_type="password", password="hemligt"
        )
        network = Network.objects.create(name="Nätverk", slug="n")
        NetworkMembership.objects.create(
            network=network, organisation=kalmar.organisation, status="active"
        )
        networks.start_thread(network, member_a, title="Pelikanen", body="Pelikanen i tråden")
    assert found("pelikanen") == []
    with committed():
        public = published(
            GoodExamplePageFactory(parent=example_index, title="Publicerade Pelikanen")
        )
    assert found("pelikanen") == [public.url]


@override_settings(SEARCH_DRAIN_ON_COMMIT=False)
def test_a_drain_that_fails_after_commit_is_caught_up_by_the_next(
    committed, home_page, support_area, monkeypatch
):
    with committed():
        page = published(GuidancePageFactory(parent=support_area, title="Sjöjungfrun i sundet"))
    assert IndexOutbox.objects.filter(key=f"page:{page.pk}").exists()
    assert found("sjöjungfrun") == []  # committed, not yet indexed

    backend = get_backend()
    original = backend.apply

    def crash(*args, **kwargs):
        raise OSError("the disk went away")

    monkeypatch.setattr(backend, "apply", crash)
    with pytest.raises(OSError):
        drain()
    assert IndexOutbox.objects.exists()  # nothing lost
    monkeypatch.setattr(backend, "apply", original)
    assert drain() >= 1
    assert found("sjöjungfrun") == [page.url]
    assert not IndexOutbox.objects.exists()


def test_rebuild_gives_the_same_documents_and_keeps_serving(committed, home_page, support_area):
    with committed():
        published(GuidancePageFactory(parent=support_area, title="Fyrtornet vid kusten"))
    before = set(get_backend().indexed_keys())
    assert found("fyrtornet")
    api.rebuild()
    after = set(get_backend().indexed_keys())
    public = {key for key in all_keys() if document_for(key) is not None}
    assert before <= after == public
    assert found("fyrtornet")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@override_settings(SEARCH_DRAIN_ON_COMMIT=False)
def test_concurrent_drains_neither_lose_nor_duplicate(home_page, support_area):
    pages = [
        published(GuidancePageFactory(parent=support_area, title=f"Ankdamm {n}")) for n in range(30)
    ]
    assert IndexOutbox.objects.count() >= 30
    barrier = threading.Barrier(4)
    errors = []

    def work():
        try:
            barrier.wait(timeout=30)
            drain()
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert not IndexOutbox.objects.exists()
    keys = [key for key in get_backend().indexed_keys() if key.startswith("page:")]
    assert len(keys) == len(set(keys))
    assert {f"page:{page.pk}" for page in pages} <= set(keys)
    assert api.search("ankdamm", per_page=50).total == 30


@override_settings(SEARCH_DRAIN_ON_COMMIT=False)
def test_a_busy_writer_costs_a_request_a_moment_and_loses_nothing(
    committed, home_page, support_area
):
    import time

    from search.indexer import drain_quietly

    with committed():
        page = published(GuidancePageFactory(parent=support_area, title="Valrossen i viken"))
    busy = get_backend().writer()  # e.g. a rebuild holding the index
    try:
        started = time.monotonic()
        drain_quietly()
        assert time.monotonic() - started < 3
        assert IndexOutbox.objects.filter(key=f"page:{page.pk}").exists()
    finally:
        busy.cancel()
    drain()
    assert found("valrossen") == [page.url]


def test_an_index_built_by_an_earlier_release_finds_nothing_until_the_worker_rebuilds_it(
    committed, settings, home_page, support_area
):
    from pathlib import Path

    from whoosh import fields, index

    from search.backends import whoosh

    with committed():
        page = published(GuidancePageFactory(parent=support_area, title="Skolnärvaro"))
    # The index an earlier release left: fewer fields, no version file.
    old = Path(settings.SEARCH_INDEX_DIR) / "gen-1"
    old.mkdir()
    old_schema = fields.Schema(
        key=fields.ID(unique=True, stored=True),
        kind=fields.ID(stored=True),
        url=fields.STORED,
        title=fields.TEXT(stored=True),
        body=fields.TEXT(stored=True),
    )
    writer = index.create_in(old, old_schema).writer()
    writer.add_document(
        key=f"page:{page.pk}", kind="guidance", url=page.url, title=page.title, body=""
    )
    writer.commit()
    get_backend()._point_current_at(old)
    assert get_backend().is_outdated()
    assert api.search("skolnärvaro").total == 0  # no error, and no half-right results
    with committed():  # a request leaves the rebuild to the worker (or to migrate)
        other = published(GuidancePageFactory(parent=support_area, title="Närvaro i skolan"))
    assert get_backend().is_outdated()
    drain()  # as search_worker does
    assert not get_backend().is_outdated()
    assert set(found("skolnärvaro")) >= {page.url}
    assert other.url in found("närvaro")
    assert (get_backend()._current_dir() / whoosh.VERSION_FILE).read_text() == whoosh.SCHEMA_VERSION
