"""The same search interface on PostgreSQL full-text search (SEARCH_BACKEND=postgres).

Runs where the tests run on PostgreSQL (.ci/run's second pass); SQLite has no `swedish`
text search configuration."""

import pytest
from django.db import connection

from search import api
from search.backends import get_backend, reset_backend
from search.models import SearchDocument

from ..factories import GoodExamplePageFactory, GuidancePageFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL (run with DATABASE_URL)"
    ),
]


@pytest.fixture
def postgres_search(settings):
    settings.SEARCH_BACKEND = "postgres"
    reset_backend()
    yield
    reset_backend()


def test_documents_follow_publishing_and_are_found(
    postgres_search, committed, home_page, support_area, example_index
):
    with committed():
        page = GuidancePageFactory(
            parent=support_area, title="Samverkansformer i kommunen", summary="Om SSPF och skolan."
        )
        page.save_revision().publish()
        draft = GoodExamplePageFactory(
            parent=example_index, title="Utkast om samverkan", live=False
        )
    assert SearchDocument.objects.filter(key=f"page:{page.pk}").exists()
    assert not SearchDocument.objects.filter(key=f"page:{draft.pk}").exists()
    assert [h.url for h in api.search("samverkan").hits] == [page.url]  # a compound's part
    assert [h.url for h in api.search("skola socialtjänst polis fritid").hits] == [page.url]
    assert api.search("samverkansformerna").total == 1  # an inflected form
    highlighted = api.search("skolan").hits[0].snippet_html
    assert '<mark class="match">skolan</mark>' in highlighted
    with committed():
        page.unpublish()
    assert api.search("samverkan").total == 0


def test_facets_filters_and_rebuild(postgres_search, committed, home_page, support_area):
    with committed():
        for n in range(3):
            GuidancePageFactory(
                parent=support_area, title=f"Uppföljning {n}"
            ).save_revision().publish()
    results = api.search("uppföljning")
    assert results.total == 3
    assert results.facets["kind"] == {"guidance": 3}
    # Counted in SQL: each value of a list once per document, empty values never.
    assert results.facets["support_area"] == {support_area.slug: 3}
    years = {str(d.year) for d in SearchDocument.objects.all()}
    assert sum(results.facets["year"].values()) == 3 and set(results.facets["year"]) == years
    assert results.facets["county"] == {}
    assert not SearchDocument.objects.filter(vector__isnull=True).exists()
    assert api.search("uppföljning", filters={"kind": "example"}).total == 0
    assert api.rebuild() >= 3
    assert api.search("uppföljning").total == 3
    assert not SearchDocument.objects.filter(vector__isnull=True).exists()
    assert get_backend().name == "postgres"


def test_a_rebuild_writes_the_vector_the_columns_give(
    postgres_search, committed, home_page, support_area
):
    """A rebuild computes each vector in its insert; it must be the vector the stored
    columns give (what a drain's update writes, and migration search/0009), or ranking
    would differ between rebuilt and drained documents."""
    from search.backends.postgres import VECTOR

    with committed():
        GuidancePageFactory(
            parent=support_area, title="Skolnärvaro och SIG", summary="Samverkan kring skolan."
        ).save_revision().publish()
    assert api.rebuild() >= 1
    pairs = list(SearchDocument.objects.annotate(expected=VECTOR).values_list("vector", "expected"))
    assert pairs and all(vector == expected for vector, expected in pairs)
    assert all(vector for vector, _expected in pairs)
    assert api.search("skolnärvaro").total == 1
