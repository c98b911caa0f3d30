"""The relevance sets over the demo content: every established query finds its pages in
the top 5; the tuning and held-out sets are well formed and point at pages that exist."""

import pytest
from django.urls import resolve
from wagtail.models import Page

from search import api

from .held_out_set import HELD_OUT_SET
from .relevance_set import RELEVANCE_SET, TUNING_SET

pytestmark = pytest.mark.django_db

ALL_SETS = RELEVANCE_SET + TUNING_SET + HELD_OUT_SET


def test_there_are_at_least_thirty_queries():
    assert len(RELEVANCE_SET) >= 30


def test_the_sets_together_have_at_least_eighty_distinct_queries():
    assert len(ALL_SETS) >= 80
    queries = [query.casefold() for query, _expected in ALL_SETS]
    assert len(set(queries)) == len(queries)
    assert all(expected for _query, expected in ALL_SETS)


def test_held_out_and_tuning_queries_do_not_overlap():
    tuning = {query.casefold().strip() for query, _expected in TUNING_SET}
    held_out = {query.casefold().strip() for query, _expected in HELD_OUT_SET}
    assert tuning and held_out
    assert tuning & held_out == set()


def test_every_expected_page_exists_in_the_demo(demo, client):
    live_pages = {page.url for page in Page.objects.live().public().specific()}
    detail_views = {"method_detail", "municipality_detail", "network_detail"}
    expected = sorted({url for _query, urls in ALL_SETS for url in urls})
    not_found = []
    for url in expected:
        is_page = url in live_pages
        is_detail = not is_page and resolve(url).url_name in detail_views
        if not (is_page or is_detail) or client.get(url).status_code != 200:
            not_found.append(url)
    assert not_found == []


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
