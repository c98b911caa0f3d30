"""The target-group and method facets over the demo content, on Whoosh and (where the
tests run on PostgreSQL) on PostgreSQL, with the counts the demo content gives."""

import pytest
from django.db import connection

from search import api
from search.backends import reset_backend

pytestmark = pytest.mark.django_db

# What concerns "barn i riskzon" in the demo: ten guidance pages, three examples, the six
# methods those pages use, three entries of other national support, and one published
# answer to a question to the team.
AT_RISK = {"guidance": 10, "example": 3, "method": 6, "other_support": 3, "question": 1}


@pytest.fixture(params=["whoosh", "postgres"])
def backend(request, demo, settings):
    if request.param == "postgres":
        if connection.vendor != "postgresql":
            pytest.skip("needs PostgreSQL (run with DATABASE_URL)")
        settings.SEARCH_BACKEND = "postgres"
        reset_backend()
        api.rebuild()
    yield request.param
    reset_backend()


def test_target_group_facet_and_filter(backend, client):
    results = api.search("", filters={"target_group": "barn-i-riskzon"}, per_page=50)
    assert results.total == 23
    assert results.facets["kind"] == AT_RISK
    assert results.facets["target_group"]["barn-i-riskzon"] == 23
    # Within it, the methods: RBM and ISU by four documents each (guidance, an example
    # for ISU, and the method itself), the others by two (a guidance page and the method).
    assert results.facets["method"] == {
        "rbm": 4,
        "isu": 4,
        "ester": 2,
        "savry": 2,
        "kronobarnsmodellen": 2,
        "signs-of-safety": 2,
    }
    everything = api.search("", filters={"kind": "guidance"}, per_page=50)
    assert everything.facets["target_group"] == {
        "barn-i-riskzon": 10,
        "unga-som-begar-brott": 6,
        "barn-med-funktionsnedsattning": 3,
        "avhoppare": 3,
        "flickor": 2,
        "vardnadshavare": 1,
        "placerade-barn": 1,
    }
    examples = api.search("", filters={"kind": "example"}, per_page=50)
    assert examples.facets["target_group"] == {
        "barn-i-riskzon": 3,
        "unga-som-begar-brott": 1,
        "avhoppare": 1,
        "flickor": 1,
        "placerade-barn": 1,
    }


def test_method_facet_and_filter(backend):
    rbm = api.search("", filters={"method": "rbm"}, per_page=50)
    # Seven guidance pages, three examples and one published answer use RBM, and RBM's
    # own page.
    assert rbm.facets["kind"] == {"guidance": 7, "example": 3, "method": 1, "question": 1}
    isu = api.search("", filters={"method": "isu"}, per_page=50)
    assert isu.facets["kind"] == {"guidance": 4, "example": 1, "method": 1}


def test_facets_on_a_query_match_the_filtered_search(backend):
    """On a query, each facet count is what choosing that value then finds."""
    results = api.search("samverkan", per_page=50)
    assert results.facets["target_group"] and results.facets["method"]
    for name in ("target_group", "method"):
        for value, count in results.facets[name].items():
            narrowed = api.search("samverkan", filters={name: value}, per_page=50)
            assert narrowed.total == count, (name, value)


def test_the_search_page_shows_the_facets(backend, client):
    html = client.get("/sok/?q=SSPF").content.decode()
    assert "Målgrupp" in html and "Barn och unga i riskzon för kriminalitet" in html
    assert "Metod" in html
    html = client.get("/sok/?q=SSPF&target_group=vardnadshavare").content.decode()
    assert 'aria-current="true"' in html
