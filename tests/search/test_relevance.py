"""Every query of the relevance set finds its pages in the top 5, over the demo content."""

import pytest

from search import api

from .relevance_set import RELEVANCE_SET

pytestmark = pytest.mark.django_db


def test_there_are_at_least_thirty_queries():
    assert len(RELEVANCE_SET) >= 30


def test_the_relevance_set_over_the_demo_content(demo):
    misses = []
    for query, expected in RELEVANCE_SET:
        top = [hit.url for hit in api.search(query, per_page=5).hits]
        missing = [url for url in expected if url not in top]
        if missing:
            misses.append((query, missing, top))
    assert misses == []


def test_a_misspelling_is_answered_and_corrected(demo, client):
    html = client.get("/sok/?q=avhopare").content.decode()
    assert "Menade du" in html and "avhoppare" in html
    assert "barn-som-vill-lamna-kriminella-natverk" in html


def test_facets_filters_and_sorting(demo, client):
    everything = api.search("samverkan", per_page=50)
    guidance = api.search("samverkan", filters={"kind": "guidance"}, per_page=50)
    assert 0 < guidance.total < everything.total
    assert guidance.total == everything.facets["kind"]["guidance"]
    assert {hit.kind for hit in guidance.hits} == {"guidance"}
    kalmar_county = api.search("samverkan", filters={"county": "08"}, per_page=50)
    assert kalmar_county.total == everything.facets["county"]["08"]
    by_date = api.search("RBM", sort="date", per_page=50)
    dates = [hit.date for hit in by_date.hits]
    assert len(dates) > 5 and dates == sorted(dates, reverse=True)
    html = client.get("/sok/?q=samverkan&kind=guidance").content.decode()
    assert "<mark" in html and 'aria-current="true"' in html


def test_an_empty_result_says_what_to_try(client, home_page):
    html = client.get("/sok/?q=qwzxqwzx").content.decode()
    assert "Inget hittades för ”qwzxqwzx”." in html
